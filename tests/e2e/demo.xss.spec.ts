// Known XSS payloads through every field of notes and experiments that the UI renders, opened in
// Chromium: nothing may execute. Two independent checks, so the test fails if either defence goes:
// the rendered DOM holds no script, event handler, frame or javascript:/foreign URL (the sanitiser),
// and the page reports no blocked script (the CSP would only be the second line).
import { expect, test, type Page } from '@playwright/test'
import { api, pickProfile } from './support'

const FLAG = 'window.__xss=1'
const PAYLOADS = [
  `<script>${FLAG}</script>`,
  `<img src=x onerror="${FLAG}">`,
  `<svg onload="${FLAG}"></svg>`,
  `<iframe srcdoc="<script>${FLAG}</script>"></iframe>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${FLAG}">`,
  `<a href="javascript:${FLAG}">klik</a>`,
  `[klik](javascript:${FLAG})`,
  `[klik](JaVaScRiPt:${FLAG})`,
  `[klik](jav&#x09;ascript:${FLAG})`,
  `[klik](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)`,
  `![foto](javascript:${FLAG})`,
  `![foto](https://evil.example/pixel.png)`,
  `<javascript:${FLAG}>`,
  `[[<img src=x onerror="${FLAG}">]]`,
  `[[experiment:1" onmouseover="${FLAG}]]`,
  `<details open ontoggle="${FLAG}">x</details>`,
  `<object data="javascript:${FLAG}"></object>`,
  `<form action="javascript:${FLAG}"><button>x</button></form>`,
  `"><img src=x onerror=${FLAG}>`,
  '```html\n<script>window.__xss=1</script>\n```',
]
const BODY = PAYLOADS.map((p, i) => `Regel ${i}: ${p}`).join('\n\n')

/** What must never be in the page after rendering the payloads. */
async function dangerousNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    for (const el of Array.from(document.querySelectorAll('#app *'))) {
      const tag = el.tagName.toLowerCase()
      if (['script', 'iframe', 'object', 'embed', 'base', 'meta'].includes(tag)) found.push(`<${tag}>`)
      // The app's own forms (editors, dialogs) submit through Vue and carry no action; a form inside
      // rendered Markdown, or one with an action, came from a payload.
      if (tag === 'form' && (el.closest('.markdown') || el.hasAttribute('action'))) found.push('<form> (from content)')
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase()
        if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`)
        if (['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc'].includes(attr.name)) {
          if (value.startsWith('javascript:') || value.startsWith('data:text') || value.startsWith('vbscript:'))
            found.push(`${tag}[${attr.name}=${value}]`)
          if (tag === 'img' && new URL(attr.value, location.href).origin !== location.origin)
            found.push(`img[src=${value}] (foreign image)`)
          if (attr.name === 'srcdoc') found.push(`${tag}[srcdoc]`)
        }
      }
    }
    return found
  })
}

async function watch(page: Page) {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    )
  })
  return async () => {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xss?: number; __violations: string[] }
      return { executed: w.__xss ?? 0, violations: w.__violations.filter((v) => v.startsWith('script-src')) }
    })
    expect(dialogs, 'dialogs opened by a payload').toEqual([])
    expect(state, 'scripts run or blocked').toEqual({ executed: 0, violations: [] })
    expect(await dangerousNodes(page), 'dangerous nodes in the rendered page').toEqual([])
  }
}

test('XSS payloads in a note and an experiment render as harmless text', async ({ page, request }) => {
  const people = await api<{ items: { id: number; name: string }[] }>(request, 'people.list', { limit: 500 })
  const author = people.items.find((p) => p.name === 'Gerrit Hoekstra')!.id
  const note = await api<{ id: number }>(
    request,
    'notes.create',
    { content: { title: `XSS-notitie <img src=x onerror="${FLAG}">`, category: 'safety', body: BODY, tags: ['xss-test'] } },
    author,
  )
  const experiment = await api<{ id: number }>(
    request,
    'experiments.create',
    {
      content: {
        title: `XSS-experiment <svg onload="${FLAG}">`,
        question: PAYLOADS[1],
        hypothesis: PAYLOADS[5],
        method: BODY,
        observations: BODY,
        results: PAYLOADS.slice(0, 8).join('\n\n'),
        conclusion: PAYLOADS.slice(8).join('\n\n'),
        parameters: [{ name: `<img src=x onerror="${FLAG}">`, value: '"><script>x</script>', unit: '<b>mm</b>' }],
        materials: [{ name: `<svg onload="${FLAG}">`, supplier: '[x](javascript:alert(1))', batch: '', size: '' }],
        tags: ['xss-test'],
      },
    },
    author,
  )
  const check = await watch(page)
  await pickProfile(page, 'Gerrit Hoekstra', `/#/knowledge/notes/${note.id}`)
  await expect(page.getByRole('heading', { level: 1, name: /XSS-notitie <img src=x onerror=/ })).toBeVisible()
  await expect(page.getByText('Regel 19:')).toBeVisible()
  // Hovering and clicking the rendered links must not run anything either.
  for (const link of await page.locator('.markdown a').all()) await link.hover()
  await check()

  await page.goto(page.url().replace(/#.*$/, `#/experiments/${experiment.id}`))
  await expect(page.getByRole('heading', { level: 1, name: /XSS-experiment <svg onload=/ })).toBeVisible()
  await expect(page.getByText('Regel 19:').first()).toBeVisible()
  await expect(page.getByText(`<img src=x onerror="${FLAG}">`).first()).toBeVisible()
  await check()

  // The search shows the same text in its snippets: as text too.
  await page.goto(page.url().replace(/#.*$/, '#/search?q=xss'))
  await expect(page.getByRole('link', { name: /XSS-experiment/ })).toBeVisible()
  await check()
})

// Every other kind of text a person types and the app shows: people's names and organisations,
// a symposium's title, theme and venue, a submission's title, abstract and external speaker, a
// session, a budget line, the letters in the outbox, and portfolio goals and reflections. Short
// fields carry short payloads (the limits are 120 and 200 characters).
const SHORT = [
  `<img src=x onerror="${FLAG}">`,
  `<svg onload="${FLAG}">`,
  `"><script>${FLAG}</script>`,
  `[x](javascript:${FLAG})`,
  `<a href="javascript:${FLAG}">a</a>`,
  `<iframe srcdoc="<script>${FLAG}</script>">`,
]

test('XSS payloads in names, symposium texts, budget, outbox and portfolio render as harmless text', async ({ page, request }) => {
  const people = await api<{ items: { id: number; name: string; role: string }[] }>(request, 'people.list', { limit: 500 })
  const coordinator = people.items.find((p) => p.name === 'Marieke van Dijk')!.id
  const tag = `X${Date.now().toString(36)}`
  // The call must be open today for the submission to be taken.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
  const person = await api<{ id: number; name: string }>(
    request,
    'people.create',
    { name: `${tag} ${SHORT[0]}`.slice(0, 120), role: 'student', organisation: SHORT[1], trade: SHORT[2] },
    coordinator,
  )
  const edition = await api<{ id: number; rooms: { id: number }[] }>(
    request,
    'symposia.create',
    {
      title: `${tag} symposium ${SHORT[1]}`,
      theme: BODY.slice(0, 2000),
      venue: SHORT[0],
      startsOn: day(60),
      days: 1,
      dayStarts: '09:00',
      dayEnds: '17:00',
      cfpOpensOn: day(-10),
      cfpClosesOn: day(30),
      registrationOpensOn: day(-10),
      registrationClosesOn: day(50),
      capacity: 50,
      rooms: [{ name: SHORT[2], capacity: 40 }],
      tracks: [{ name: SHORT[4], colour: '#2563eb' }],
      criteria: [{ name: SHORT[5] }],
    },
    coordinator,
  )
  const submission = await api<{ id: number; version: number }>(
    request,
    'submissions.create',
    {
      editionId: edition.id,
      title: `${tag} talk ${SHORT[0]}`,
      abstract: BODY.slice(0, 5000),
      type: 'talk',
      durationMinutes: 30,
      audience: SHORT[3],
      speakers: [{ personId: person.id }, { name: `${tag} gast ${SHORT[1]}`, email: null, organisation: SHORT[5] }],
    },
    coordinator,
  )
  // Accepting queues a letter in the outbox that quotes the title.
  await api(request, 'submissions.decide', { id: submission.id, version: submission.version, decision: 'accepted' }, coordinator)
  await api(
    request,
    'programme.createSession',
    {
      editionId: edition.id,
      title: `${tag} sessie ${SHORT[2]}`,
      abstract: BODY.slice(0, 5000),
      type: 'workshop',
      durationMinutes: 60,
      speakerIds: [person.id],
    },
    coordinator,
  )
  await api(
    request,
    'budget.saveLine',
    { editionId: edition.id, category: 'catering', description: `${tag} ${SHORT[4]}`, plannedCents: 1000 },
    coordinator,
  )
  const goal = await api<{ id: number }>(
    request,
    'portfolio.goalCreate',
    { title: `${tag} doel ${SHORT[1]}`, description: BODY.slice(0, 1000) },
    person.id,
  )
  await api(request, 'portfolio.reflectionCreate', { body: BODY.slice(0, 1000), goalId: goal.id }, person.id)

  const check = await watch(page)
  await pickProfile(page, 'Marieke van Dijk', '/#/people')
  await page.locator('#people-search').fill(tag)
  await expect(page.getByText(`${tag} <img src=x onerror=`).first()).toBeVisible()
  await check()

  // Wait for the screen's data by the tag alone, check, and only then ask for the payload as text:
  // so a payload that did turn into HTML fails on the check that says why.
  const visit = async (hash: string, text: string | RegExp) => {
    await page.goto(page.url().replace(/#.*$/, `#${hash}`))
    await expect(page.getByText(new RegExp(tag)).first()).toBeVisible()
    await check()
    await expect(page.getByText(text).first()).toBeVisible()
  }
  await visit(`/symposia/${edition.id}/overview`, `${tag} symposium <svg onload="${FLAG}">`)
  await visit(`/symposia/${edition.id}/call`, `${tag} talk <img src=x onerror="${FLAG}">`)
  await visit(`/symposia/${edition.id}/programme`, `${tag} sessie "><script>${FLAG}</script>`)
  await visit(`/symposia/${edition.id}/messages`, `${tag} gast <svg onload="${FLAG}">`)
  // The letter itself quotes the talk's title and the edition's venue.
  await page.getByRole('button', { name: new RegExp(`^Bekijk .*${tag} gast`) }).click()
  await expect(page.getByText(new RegExp(`${tag} talk <img src=x onerror=`)).first()).toBeVisible()
  await check()
  await visit(`/symposia/${edition.id}/budget`, `${tag} <a href="javascript:${FLAG}">a</a>`)
  await visit(`/people/${person.id}/portfolio`, `${tag} doel <svg onload="${FLAG}">`)
})
