// The services bootstrap.ts builds, handed as one object to the modules that read across the
// whole centre (portfolio, reports, dashboard, privacy, backup), so adding such a module does not
// mean threading new arguments through the bootstrap.
import type { Clock } from './clock'
import type { Db } from './db/database'
import type { Logger } from './log'
import type { AttachmentStore } from './attachments/attachmentStore'
import type { BookingService } from './bookings/bookingService'
import type { EquipmentService } from './equipment/equipmentService'
import type { ExperimentService } from './knowledge/experimentService'
import type { NoteService } from './knowledge/noteService'
import type { PeopleService } from './people/peopleService'
import type { PermitService } from './permits/permitService'
import type { SearchIndex } from './search/searchIndex'
import type { createSettingsService } from './settings/settingsService'
import type { createSymposiumModule } from './symposia/symposiaHandlers'

export interface CoreServices {
  db: Db
  clock: Clock
  log: Logger
  dataDir: string
  /** The centre's time zone, read when needed (settings can change). */
  timeZone: () => string
  settings: ReturnType<typeof createSettingsService>
  people: PeopleService
  equipment: EquipmentService
  permits: PermitService
  bookings: BookingService
  attachments: AttachmentStore
  experiments: ExperimentService
  notes: NoteService
  search: SearchIndex
  symposia: ReturnType<typeof createSymposiumModule>
}
