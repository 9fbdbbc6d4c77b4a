import type { IMPORT_COLUMNS } from './imports';
import type { PLAN_COLUMNS } from './plan-imports';

/**
 * The Vietnamese header of each column of the import files, in the words of the office's own
 * forms (the plan's match the indicator form's labels). Templates are written with these; the
 * parser takes either these or the columns' own English names.
 */
export const IMPORT_HEADERS: Readonly<Record<(typeof IMPORT_COLUMNS)[number], string>> = {
  code: 'Mã chỉ tiêu',
  date: 'Ngày',
  value: 'Giá trị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  note: 'Ghi chú',
  evidence: 'Căn cứ',
};

/** The plan file's headers, as IMPORT_HEADERS. */
export const PLAN_HEADERS: Readonly<Record<(typeof PLAN_COLUMNS)[number], string>> = {
  group: 'Nhóm chỉ tiêu',
  code: 'Mã chỉ tiêu',
  name: 'Tên chỉ tiêu',
  description: 'Mô tả',
  owner_unit: 'Đơn vị phụ trách',
  measure: 'Loại số liệu',
  aggregation: 'Cách tổng hợp',
  direction: 'Chiều hướng',
  unit: 'Đơn vị tính',
  baseline: 'Giá trị đầu kỳ',
  target: 'Mục tiêu nhiệm kỳ',
  frequency: 'Tần suất cập nhật',
  decimals: 'Số chữ số thập phân',
  milestones: 'Mốc theo năm',
};

/** The templates' sheet names. */
export const IMPORT_SHEET_NAME = 'Số liệu';
export const PLAN_SHEET_NAME = 'Kế hoạch';
