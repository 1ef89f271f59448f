// Usage reports for the school and funders over a chosen period, with CSV and XLSX export of each table.
// Spread into the contract with one line.
export const reportMethods = {} as const
