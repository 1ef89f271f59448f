// The demo centre's portfolios: two freelancers with development goals (one achieved), short
// reflections, the learning coaches they chose, and a coach's comments, so the portfolio screen has
// more than machine hours on a first look. Made through the portfolio's own journal service with a
// clock set to the day each entry would have been written, so the timeline spreads over the months.
import type { Person } from '../../shared/people'
import { coachesSetInput, commentCreateInput, goalCreateInput, goalSaveInput, reflectionCreateInput } from '../../shared/portfolio'
import type { Actor } from '../dispatcher'
import { createPortfolioAccess } from '../portfolio/portfolioAccess'
import { createPortfolioJournal } from '../portfolio/portfolioJournal'
import type { DemoServices } from './demoCentre'

const DAY = 86_400_000

export function addDemoPortfolios(s: DemoServices, everyone: Person[]) {
  const now = s.clock().getTime()
  let daysAgo = 0
  const journal = createPortfolioJournal(s.db, () => new Date(now - daysAgo * DAY), createPortfolioAccess(s.db))
  const find = (name: string) => everyone.find((p) => p.name === name)
  const actor = (p: Person): Actor => ({ id: p.id, name: p.name, role: p.role })
  const at = <T>(days: number, write: () => T): T => {
    daysAgo = days
    return write()
  }

  const gerrit = find('Gerrit Hoekstra')
  const anouk = find('Anouk de Vries')
  const marieke = find('Marieke van Dijk')
  if (gerrit && anouk && marieke) {
    const g = actor(gerrit)
    at(120, () => journal.setCoaches(coachesSetInput.parse({ coachIds: [anouk.id] }), g))
    const master = at(118, () =>
      journal.createGoal(
        goalCreateInput.parse({
          title: 'Meestertitel meubelmaker behalen',
          description: 'Een proeve van bekwaamheid met een gefineerd kabinet waarin lasergesneden inlegwerk de hoofdrol speelt.',
          targetDate: new Date(now + 240 * DAY).toISOString().slice(0, 10),
        }),
        g,
      ),
    )
    const laser = at(110, () =>
      journal.createGoal(
        goalCreateInput.parse({
          title: 'Zelfstandig fineer snijden op de lasersnijder',
          description: 'Instellingen voor eiken, noten en esdoorn fineer vinden zonder verbranding aan de snijkant.',
          targetDate: new Date(now - 30 * DAY).toISOString().slice(0, 10),
        }),
        g,
      ),
    )
    at(40, () =>
      journal.saveGoal(
        goalSaveInput.parse({
          id: laser.id,
          version: laser.version,
          title: laser.title,
          description: laser.description,
          targetDate: laser.targetDate,
          status: 'achieved',
        }),
        g,
      ),
    )
    const first = at(95, () =>
      journal.createReflection(
        reflectionCreateInput.parse({
          body: 'Eerste avondsessie op de laser: bij 100% vermogen verbrandt het fineer. Met lagere snelheid en twee passes wordt de kant strak. Volgende keer de luchtondersteuning hoger.',
          goalId: laser.id,
        }),
        g,
      ),
    )
    at(93, () =>
      journal.comment(
        commentCreateInput.parse({
          target: 'reflection',
          targetId: first.id,
          body: 'Goed dat je de instellingen vastlegt. Maak er een notitie van in de kennisbank, dan heeft de volgende er ook wat aan.',
        }),
        actor(anouk),
      ),
    )
    at(20, () =>
      journal.createReflection(
        reflectionCreateInput.parse({
          body: 'Het inlegwerk voor het proefpaneel past. De planning voor de proeve is krap; ik wil de CNC-frees gebruiken voor de kastdelen.',
          goalId: master.id,
        }),
        g,
      ),
    )
    at(18, () =>
      journal.comment(
        commentCreateInput.parse({
          target: 'goal',
          targetId: master.id,
          body: 'Plan een training op de CNC-frees voor je zelfstandige bevoegdheid; dan past het in je planning.',
        }),
        actor(marieke),
      ),
    )
  }

  const els = find('Els Willems')
  const sanne = find('Sanne Kuipers')
  if (els && sanne) {
    const e = actor(els)
    at(60, () => journal.setCoaches(coachesSetInput.parse({ coachIds: [sanne.id] }), e))
    const goal = at(58, () =>
      journal.createGoal(
        goalCreateInput.parse({
          title: 'Glas-in-lood ontwerpen met de lasersnijder als mal',
          targetDate: new Date(now + 90 * DAY).toISOString().slice(0, 10),
        }),
        e,
      ),
    )
    at(12, () =>
      journal.createReflection(
        reflectionCreateInput.parse({
          body: 'Mallen uit MDF werken, maar de lijmnaden trekken krom. Volgende keer dunner materiaal.',
          goalId: goal.id,
        }),
        e,
      ),
    )
  }
  daysAgo = 0
}
