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
      if (['script', 'iframe', 'object', 'embed', 'form', 'base', 'meta'].includes(tag)) found.push(`<${tag}>`)
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
