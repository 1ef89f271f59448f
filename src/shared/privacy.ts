// GDPR: everything about one person as a ZIP, erasure with statistics kept, retention of external registrants' data.
// Spread into the contract with one line.
export const privacyMethods = {} as const
