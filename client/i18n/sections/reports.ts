import type { Export } from '../../../shared/api/exports';

/** Strings of the weekly reports page (`/reports`): Vietnamese, then English with the same keys. */
export const reportsVi = {
  /** The page's title, and its item in the navigation bar. */
  title: 'Báo cáo tuần',
  intro:
    'Ảnh chụp mọi trang của bảng theo dõi (PNG 1920×1080) và một tệp PDF, tạo tự động vào sáng thứ Hai hằng tuần hoặc khi được yêu cầu. Chọn một ảnh để xem cỡ đầy đủ.',
  now: {
    heading: 'Xuất ngay',
    intro: 'Tạo một bản xuất mới từ bảng theo dõi. Để trống thời điểm để lấy số liệu hiện tại.',
    asOf: 'Số liệu tính đến (không bắt buộc)',
    asOfHint: 'Giờ Việt Nam. Chọn một thời điểm trong quá khứ để xuất bảng như lúc đó.',
    asOfFuture: 'Thời điểm này chưa đến. Hãy chọn một thời điểm trong quá khứ.',
    submit: 'Xuất ngay',
    submitting: 'Đang gửi yêu cầu…',
    queued: 'Đã nhận yêu cầu. Đang chờ xuất…',
    running: 'Đang dựng các trang của báo cáo…',
    done: 'Đã xuất xong báo cáo.',
    failed: 'Xuất báo cáo không thành công: {error}',
    failedNoReason: 'Xuất báo cáo không thành công.',
    requestFailed: 'Không gửi được yêu cầu xuất báo cáo.',
  },
  list: {
    refresh: 'Làm mới',
    refreshedAt: 'Cập nhật lúc {time}',
    loadFailed: 'Không tải được danh sách bản xuất.',
    empty: 'Chưa có bản xuất nào. Bản xuất theo lịch được tạo vào sáng thứ Hai hằng tuần.',
  },
  week: 'Tuần {week}/{year}',
  weekDates: '{monday} – {sunday}',
  kind: {
    scheduled: 'Theo lịch',
    on_demand: 'Xuất theo yêu cầu',
  } satisfies Record<Export['kind'], string>,
  status: {
    queued: 'Đang chờ',
    running: 'Đang xuất',
    done: 'Hoàn tất',
    failed: 'Thất bại',
  } satisfies Record<Export['status'], string>,
  /** Followed by the moment, in a <time>. */
  asOf: 'Số liệu tính đến',
  createdAt: 'Yêu cầu lúc {dateTime}',
  finishedAt: 'Xong lúc {dateTime}',
  error: 'Lỗi: {error}',
  errorUnknown: 'Lỗi không rõ nguyên nhân.',
  pages: 'Các trang của bản xuất',
  pageAlt: 'Trang {page}/{count} của báo cáo tuần {week}/{year}, số liệu tính đến {dateTime}',
  pdf: 'Tải PDF ({name})',
  noFiles: 'Bản xuất này không có tệp nào.',
};

export const reportsEn: typeof reportsVi = {
  title: 'Weekly reports',
  intro:
    'Screenshots of every page of the board (PNG 1920×1080) and one PDF, made every Monday morning or on request. Choose a picture to see it full size.',
  now: {
    heading: 'Export now',
    intro: 'Make a new export of the board. Leave the moment empty for the current figures.',
    asOf: 'Figures as of (optional)',
    asOfHint: 'Vietnam time. Choose a past moment to export the board as it stood then.',
    asOfFuture: 'This moment has not come yet. Please choose a moment in the past.',
    submit: 'Export now',
    submitting: 'Sending the request…',
    queued: 'Request received. Waiting to export…',
    running: 'Drawing the pages of the report…',
    done: 'The report has been exported.',
    failed: 'The export failed: {error}',
    failedNoReason: 'The export failed.',
    requestFailed: 'The export request could not be sent.',
  },
  list: {
    refresh: 'Refresh',
    refreshedAt: 'Updated at {time}',
    loadFailed: 'The list of exports could not be loaded.',
    empty: 'No exports yet. The scheduled export is made every Monday morning.',
  },
  week: 'Week {week}/{year}',
  weekDates: '{monday} – {sunday}',
  kind: {
    scheduled: 'Scheduled',
    on_demand: 'On demand',
  },
  status: {
    queued: 'Queued',
    running: 'Running',
    done: 'Done',
    failed: 'Failed',
  },
  asOf: 'Figures as of',
  createdAt: 'Requested at {dateTime}',
  finishedAt: 'Finished at {dateTime}',
  error: 'Error: {error}',
  errorUnknown: 'Unknown error.',
  pages: 'Pages of the export',
  pageAlt: 'Page {page}/{count} of the report of week {week}/{year}, figures as of {dateTime}',
  pdf: 'Download PDF ({name})',
  noFiles: 'This export has no files.',
};
