// A separate entry point (@kyogikai/domain/calendar): the holiday table is server-side data the
// browser apps never need, so it stays out of their bundles.
export { isWorkingDay, japanDayNumber, workingDaysBetween } from './working-days';
