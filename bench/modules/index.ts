// The bench modules in generation order: each may use what the ones before it made. A new domain
// (experiments, notes, symposia, portfolio, reports) adds its file here, with its generator step
// and its operations; the harness needs no change.
import type { BenchModule } from '../lib/types'
import { bookingsModule } from './bookings'
import { equipmentModule } from './equipment'
import { knowledgeModule } from './knowledge'
import { learningModule } from './learning'
import { peopleModule } from './people'
import { symposiaModule } from './symposia'

export const MODULES: readonly BenchModule[] = [
  peopleModule,
  equipmentModule,
  bookingsModule,
  knowledgeModule,
  symposiaModule,
  learningModule,
]
