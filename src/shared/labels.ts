// Names of roles and machine kinds in both languages: one place for the screens (the renderer's
// messages use them as they are) and for the documents the core writes without vue-i18n (the
// portfolio PDF), so a role is called the same on screen and on paper.
import type { ExportLanguage } from './exchange'
import type { EquipmentKind } from './equipment'
import type { Role } from './people'

export const ROLE_LABELS = {
  nl: { coordinator: 'Coördinator', teacher: 'Docent', student: 'Student', freelancer: 'Zzp’er', guest: 'Gast' },
  en: { coordinator: 'Coordinator', teacher: 'Teacher', student: 'Student', freelancer: 'Freelancer', guest: 'Guest' },
} satisfies Record<ExportLanguage, Record<Role, string>>

export const EQUIPMENT_KIND_LABELS = {
  nl: {
    laser_cutter: 'Lasersnijder',
    cnc_router: 'CNC-frees',
    robot_arm: 'Robotarm',
    printer_3d: '3D-printer',
    vacuum_press: 'Vacuümpers',
    edge_bander: 'Kantenlijmer',
    panel_saw: 'Plaatzaag',
    other: 'Overig',
  },
  en: {
    laser_cutter: 'Laser cutter',
    cnc_router: 'CNC router',
    robot_arm: 'Robot arm',
    printer_3d: '3D printer',
    vacuum_press: 'Vacuum press',
    edge_bander: 'Edge bander',
    panel_saw: 'Panel saw',
    other: 'Other',
  },
} satisfies Record<ExportLanguage, Record<EquipmentKind, string>>
