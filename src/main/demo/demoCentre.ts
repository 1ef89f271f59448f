// The demo centre: believable people across roles and trades, so every screen has content on a
// first look. Loaded only into an empty data folder, through the same services (and rules) as the UI.
import centre from '../../../resources/demo/centre.json'
import { personCreateInput, type Person } from '../../shared/people'
import type { Db } from '../db/database'
import { writeTransaction } from '../db/writeTransaction'
import type { Actor } from '../dispatcher'
import { AppError } from '../errors'
import type { PeopleService } from '../people/peopleService'

export function loadDemoCentre(db: Db, people: PeopleService): { people: number } {
  return writeTransaction(db, () => {
    if (people.count() > 0) {
      throw new AppError('CONFLICT', 'The demo centre only loads into an empty data folder', { reason: 'notEmpty' })
    }
    let actor: Actor | null = null
    for (const raw of centre.people) {
      const created: Person = people.create(personCreateInput.parse(raw), actor)
      // The first coordinator creates everyone after them, as a real first start would.
      actor ??= { id: created.id, name: created.name, role: created.role }
    }
    return { people: centre.people.length }
  })()
}
