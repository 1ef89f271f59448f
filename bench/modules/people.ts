// People of the bench centre: ten years of students, teachers, freelancers and guests who join,
// stay a while and leave (deactivated, never deleted). Made through the dispatcher with the clock
// at each person's joining day, as a coordinator would have entered them. Measured: the people
// search of the People screen and of the person pickers.
import type Database from 'better-sqlite3'
import type { Role } from '../../src/shared/people'
import { foldForSearch, escapeLike } from '../../src/main/text'
import { BENCH_NOW, DAY_MS } from '../lib/clock'
import { spanOf } from '../lib/calendar'
import { zipf, type Random } from '../lib/random'
import { moduleState, type BenchModule, type Centre, type Invocation, type Operation } from '../lib/types'
import { COMPANIES, COORDINATOR_ORGANISATION, FIRST_NAMES, SCHOOLS, SURNAMES, TRADES } from '../lib/vocabulary'

export interface PersonModel {
  id: number
  name: string
  role: Role
  trade: string | null
  organisation: string | null
  joinedAt: number
  /** When they were deactivated; null: still active now. */
  leftAt: number | null
  /** How much they book, 0..1 (most people a little, a few a lot). */
  activity: number
  version: number
}

export interface PeopleState {
  all: PersonModel[]
  /** The first coordinator: entered first, never leaves, enters everyone else. */
  coordinator: PersonModel
}

export const peopleState = moduleState<PeopleState>('people')

const YEAR = 365.25 * DAY_MS

/** Share of each role among the people a centre sees over the years. */
const ROLE_SHARES: [Role, number][] = [
  ['teacher', 0.03],
  ['freelancer', 0.28],
  ['guest', 0.04],
  ['student', 0.65],
]

/** How long people of each role stay, in years. */
function tenure(role: Role, random: Random): number | null {
  switch (role) {
    case 'coordinator':
      return null
    case 'teacher':
      return 4 + random() * 16
    case 'student':
      return 1.5 + random() * 3
    case 'freelancer':
      return -Math.log(1 - random()) * 5
    case 'guest':
      return 0.1 + random() * 0.9
  }
}

const firstName = zipf(FIRST_NAMES, 0.9)
const surname = zipf(SURNAMES, 1.0)
const trade = zipf(TRADES)
const school = zipf(SCHOOLS)
const company = zipf(COMPANIES, 0.8)

const asciiSlug = (text: string) => foldForSearch(text).replace(/[^a-z0-9]+/g, '')

type PersonPlan = Omit<PersonModel, 'id' | 'version'> & { email: string | null }

function planPeople(centre: Centre): PersonPlan[] {
  const random = centre.random('people')
  const span = spanOf(centre.scale)
  const length = BENCH_NOW - span.start
  const count = centre.scale.people
  const plans: PersonPlan[] = []
  const emails = new Map<string, number>()

  const others: Role[] = []
  for (const [role, share] of ROLE_SHARES) {
    const n = role === 'student' ? count - 3 - others.length : Math.max(role === 'teacher' ? 5 : 2, Math.round(count * share))
    for (let i = 0; i < n; i++) others.push(role)
  }
  const roles: Role[] = ['coordinator', 'coordinator', 'coordinator', ...random.shuffle(others)]
  const founders = Math.max(20, Math.round(count * 0.08))
  const coordinatorsAt = [0, 0.3, 0.7]

  roles.slice(0, count).forEach((role, i) => {
    // The first coordinators found the centre; a founding cohort joins in its first month; after
    // that the centre grows, so later years see more newcomers.
    const joinedAt =
      role === 'coordinator'
        ? span.start + coordinatorsAt[i]! * length
        : i < founders + 3
          ? span.start + random() * 30 * DAY_MS
          : span.start + Math.pow(random(), 0.85) * length
    const years = tenure(role, random)
    const leftAt = years === null || joinedAt + years * YEAR >= BENCH_NOW ? null : joinedAt + years * YEAR
    const first = firstName(random)
    const last = surname(random)
    const name = `${first} ${last}`
    const domain =
      role === 'student'
        ? 'student.hmc.nl'
        : role === 'teacher'
          ? 'hmc.nl'
          : role === 'coordinator'
            ? 'werkbank.nl'
            : random.pick(['mail.nl', 'gmail.com', 'outlook.com', 'atelier.nl', 'ziggo.nl'])
    const local = `${asciiSlug(first)}.${asciiSlug(last)}`
    const seen = emails.get(local + domain) ?? 0
    emails.set(local + domain, seen + 1)
    const email = role !== 'coordinator' && random.chance(0.1) ? null : `${local}${seen ? seen + 1 : ''}@${domain}`
    const organisation =
      role === 'coordinator'
        ? COORDINATOR_ORGANISATION
        : role === 'student' || role === 'teacher'
          ? school(random)
          : random.chance(0.5)
            ? company(random)
            : null
    plans.push({
      name,
      email,
      role,
      trade: role === 'coordinator' || (role === 'guest' && random.chance(0.5)) ? null : trade(random),
      organisation,
      joinedAt,
      leftAt,
      activity: 0.05 + 0.95 * Math.pow(random(), 3),
    })
  })
  // Entered in the order they joined, as the centre's history would have it.
  const [first, ...rest] = plans
  rest.sort((a, b) => a.joinedAt - b.joinedAt)
  return [first!, ...rest]
}

async function generate(centre: Centre) {
  const plans = planPeople(centre)
  const all: PersonModel[] = []
  let coordinator: PersonModel | null = null
  for (const plan of plans) {
    centre.clock.simulate(plan.joinedAt)
    const { activity, joinedAt, leftAt, email, ...fields } = plan
    const person = await centre.call(coordinator?.id ?? null, 'people.create', { ...fields, email })
    const model: PersonModel = { ...fields, id: person.id, joinedAt, leftAt, activity, version: person.version }
    all.push(model)
    coordinator ??= model
  }
  peopleState.set(centre, { all, coordinator: coordinator! })
  centre.figures.people = all.length
}

/** Leavers are deactivated last, after later modules (permits) have given them their history. */
async function settle(centre: Centre) {
  const { all, coordinator } = peopleState.get(centre)
  const leavers = all.filter((p) => p.leftAt !== null).sort((a, b) => a.leftAt! - b.leftAt!)
  for (const person of leavers) {
    centre.clock.simulate(person.leftAt!)
    const updated = await centre.call(coordinator.id, 'people.setActive', { id: person.id, version: person.version, active: false })
    person.version = updated.version
  }
  centre.figures.people_active = all.length - leavers.length
}

/** Searches as people type them: mostly a surname or first name, sometimes a fragment, two words, a trade, or a typo. */
function searchQueries(people: PersonModel[], random: Random): () => string {
  const active = people.filter((p) => p.leftAt === null)
  return () => {
    const p = random.pick(active)
    const words = p.name.split(' ')
    const last = words.at(-1)!
    const shape = random()
    if (shape < 0.35) return random.chance(0.5) ? last.toLowerCase() : last
    if (shape < 0.55) return words[0]!
    if (shape < 0.7) return last.slice(0, 3).toLowerCase()
    if (shape < 0.85) return `${words[0]!.toLowerCase()} ${last.slice(0, 4).toLowerCase()}`
    if (shape < 0.95) return p.trade ? p.trade.split(' ')[0]!.toLowerCase() : last
    return random.pick(['xylofoon', 'qwerty', 'zzz'])
  }
}

// The SQL people.list builds (src/main/people/peopleService.ts) for active people and n words.
const whereFor = (words: number) =>
  'WHERE ' + ['active = 1', ...Array.from({ length: words }, (_, i) => `search_text LIKE @w${i} ESCAPE '\\'`)].join(' AND ')
const countSql = (words: number) => 'SELECT count(*) AS n FROM people ' + whereFor(words)
const pageSql = (words: number) =>
  'SELECT * FROM people ' + whereFor(words) + ' ORDER BY name COLLATE NOCASE, id LIMIT @limit OFFSET @offset'

function searchOperation(centre: Centre, name: string, title: string, limit: number, iterations: number): Operation {
  const { all } = peopleState.get(centre)
  const random = centre.random(name)
  const nextQuery = searchQueries(all, random)
  const actors = all.filter((p) => p.leftAt === null)
  const statements = new Map<number, { count: Database.Statement; page: Database.Statement }>()
  const floorStatements = (words: number) => {
    let s = statements.get(words)
    if (!s) {
      s = { count: centre.floorDb.prepare(countSql(words)), page: centre.floorDb.prepare(pageSql(words)) }
      statements.set(words, s)
    }
    return s
  }
  const floorParams = (query: string) => {
    const words = foldForSearch(query).split(/\s+/).filter(Boolean).slice(0, 10)
    const params: Record<string, unknown> = { limit, offset: 0 }
    words.forEach((w, i) => (params[`w${i}`] = `%${escapeLike(w)}%`))
    return { words: words.length, params }
  }
  const invocation = (query: string): Invocation => ({
    method: 'people.list',
    input: { query, limit },
    actorId: random.pick(actors).id,
    expect: 'ok',
  })
  let lastQuery = ''
  return {
    name,
    title,
    iterations,
    http: limit === 500,
    next() {
      lastQuery = nextQuery()
      return invocation(lastQuery)
    },
    floor() {
      const { words, params } = floorParams(nextQuery())
      const s = floorStatements(words)
      return () => {
        s.count.get(params)
        return s.page.all(params)
      }
    },
    // The traced call's query decides how many LIKE terms the core's SQL has.
    get floorSql() {
      const words = floorParams(lastQuery || 'a').words
      return [countSql(words), pageSql(words)]
    },
    async verify() {
      const query = nextQuery()
      const result = await centre.core.call('people.list', { input: { query, limit }, actorId: all[0]!.id })
      if (!result.ok) return `people.list failed: ${result.error.message}`
      const { total, items } = result.value as { total: number; items: unknown[] }
      const { words, params } = floorParams(query)
      const s = floorStatements(words)
      const floorTotal = (s.count.get(params) as { n: number }).n
      const floorItems = s.page.all(params).length
      return total === floorTotal && items.length === floorItems
        ? null
        : `"${query}": core ${total}/${items.length} rows, floor ${floorTotal}/${floorItems}`
    },
  }
}

export const peopleModule: BenchModule = {
  name: 'people',
  generate,
  settle,
  operations: (centre) => [
    searchOperation(centre, 'people.list search', 'people search, People screen (limit 500)', 500, 1000),
    searchOperation(centre, 'people.list picker', 'people search, person picker (limit 50)', 50, 1000),
  ],
}
