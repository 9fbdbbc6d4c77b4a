// The rule lives in shared/ (the export's cards, the report's email and cover use it alike).
export { weeklyChanges, type WeeklyChange } from '../../../shared/report/weekly';
