// The symposium exports tab: the files the core makes (booklet, calendars, schedule files, attendee
// list, badges, certificates), and the two pickers they need: the programme's speakers, and the
// people who checked in (for staff everyone, for anyone else their own registration).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MethodInput } from '../../shared/contract'
import type { ApiError } from '../../shared/result'
import { call } from '../api/client'

export interface ExportPickers {
  editionId: number
  /** Everyone who speaks in a scheduled session, by name. */
  speakers: { id: number; name: string }[]
  /** Registrations that count for a certificate: checked in on a day or at a workshop. */
  attendees: { registrationId: number; personId: number | null; name: string }[]
}

export const useSymposiumExportsStore = defineStore('symposiumExports', () => {
  const pickers = ref<ExportPickers | null>(null)
  const error = ref<ApiError | null>(null)

  async function loadPickers(editionId: number) {
    error.value = null
    const [programme, registrations] = await Promise.all([call('programme.get', { editionId }), call('registrations.list', { editionId })])
    if (!programme.ok) return void (error.value = programme.error)
    if (!registrations.ok) return void (error.value = registrations.error)
    const scheduled = new Set(programme.value.slots.map((s) => s.sessionId))
    const speakers = new Map<number, string>()
    for (const session of programme.value.sessions) {
      if (scheduled.has(session.id)) for (const p of session.speakers) speakers.set(p.id, p.name)
    }
    pickers.value = {
      editionId,
      speakers: [...speakers].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      attendees: registrations.value
        .filter((r) => r.status === 'registered' && (r.checkedInDays.length > 0 || r.workshops.some((w) => w.checkedIn)))
        .map((r) => ({ registrationId: r.id, personId: r.personId, name: r.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }
  }

  const exports = {
    booklet: (input: MethodInput<'symposiumExports.booklet'>) => call('symposiumExports.booklet', input),
    calendar: (input: MethodInput<'symposiumExports.calendar'>) => call('symposiumExports.calendar', input),
    scheduleXml: (input: MethodInput<'symposiumExports.scheduleXml'>) => call('symposiumExports.scheduleXml', input),
    scheduleJson: (input: MethodInput<'symposiumExports.scheduleJson'>) => call('symposiumExports.scheduleJson', input),
    attendeesCsv: (input: MethodInput<'symposiumExports.attendeesCsv'>) => call('symposiumExports.attendeesCsv', input),
    badges: (input: MethodInput<'symposiumExports.badges'>) => call('symposiumExports.badges', input),
    certificates: (input: MethodInput<'symposiumExports.certificates'>) => call('symposiumExports.certificates', input),
  }

  return { pickers, error, loadPickers, ...exports }
})
