// Bookings as the calendars show them, and every change made from a calendar or the booking dialog.
// Calendars ask for a range; a change reloads the ranges that are on screen.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Booking } from '../../shared/bookings'
import type { MethodInput } from '../../shared/contract'
import type { ApiResult } from '../../shared/result'
import { call } from '../api/client'
import { useSessionStore } from './session'

export const useBookingsStore = defineStore('bookings', () => {
  /** Raised after every successful change, so calendars on screen refetch. */
  const revision = ref(0)
  const pendingApprovals = ref<Booking[]>([])

  async function range(input: MethodInput<'bookings.list'>): Promise<ApiResult<Booking[]>> {
    return call('bookings.list', input)
  }

  async function afterChange(result: ApiResult<Booking>): Promise<ApiResult<Booking>> {
    if (result.ok) {
      revision.value++
      void loadPendingApprovals()
    }
    return result
  }

  async function loadPendingApprovals() {
    if (!useSessionStore().isCoordinator) return
    const result = await call('bookings.pending', {})
    if (result.ok) pendingApprovals.value = result.value
  }

  const create = async (input: MethodInput<'bookings.create'>) => afterChange(await call('bookings.create', input))
  const update = async (input: MethodInput<'bookings.update'>) => afterChange(await call('bookings.update', input))
  const cancel = async (input: MethodInput<'bookings.cancel'>) => afterChange(await call('bookings.cancel', input))
  const approve = async (booking: Booking) => afterChange(await call('bookings.approve', { id: booking.id, version: booking.version }))
  const get = (id: number) => call('bookings.get', { id })
  const checkIn = async (booking: Booking) => afterChange(await call('bookings.checkIn', { id: booking.id, version: booking.version }))
  const checkOut = async (booking: Booking) => afterChange(await call('bookings.checkOut', { id: booking.id, version: booking.version }))
  const markNoShow = async (booking: Booking) =>
    afterChange(await call('bookings.markNoShow', { id: booking.id, version: booking.version }))
  const previewSeries = (input: MethodInput<'bookings.previewSeries'>) => call('bookings.previewSeries', input)
  const conflicts = (input: MethodInput<'bookings.conflicts'>) => call('bookings.conflicts', input)
  const freeSlots = (input: MethodInput<'bookings.freeSlots'>) => call('bookings.freeSlots', input)
  const exportCalendar = (input: MethodInput<'calendar.export'>) => call('calendar.export', input)

  async function recordAttendance(input: MethodInput<'bookings.recordAttendance'>) {
    const result = await call('bookings.recordAttendance', input)
    if (result.ok) revision.value++
    return result
  }

  async function createSeries(input: MethodInput<'bookings.createSeries'>) {
    const result = await call('bookings.createSeries', input)
    if (result.ok) {
      revision.value++
      void loadPendingApprovals()
    }
    return result
  }

  return {
    revision,
    pendingApprovals,
    range,
    loadPendingApprovals,
    create,
    update,
    cancel,
    approve,
    get,
    checkIn,
    checkOut,
    markNoShow,
    previewSeries,
    createSeries,
    conflicts,
    freeSlots,
    exportCalendar,
    recordAttendance,
  }
})
