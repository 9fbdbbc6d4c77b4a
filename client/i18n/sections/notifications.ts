/**
 * Reminders and alerts: the emails (written by the server, server/notifications/messages.ts, in
 * the office's language) and the admin page that lists them. Vietnamese, then English with the
 * same keys. `{name}` marks a value.
 */
export const notificationsMailVi = {
  reminder: {
    subjectDue: 'Nhắc cập nhật số liệu chỉ tiêu {code} — hạn {date}',
    subjectOverdue: 'Quá hạn cập nhật số liệu chỉ tiêu {code}',
    subjectDigest: 'Nhắc cập nhật số liệu {count} chỉ tiêu: {codes}',
    greeting: 'Kính gửi {name},',
    intro: 'Các chỉ tiêu sau của đơn vị anh/chị cần cập nhật số liệu trên bảng theo dõi {term}:',
    introOne: 'Chỉ tiêu sau của đơn vị anh/chị cần cập nhật số liệu trên bảng theo dõi {term}:',
    due: '{code} — {name}: đến hạn cập nhật ngày {date} (cập nhật {frequency}).',
    overdue: '{code} — {name}: đã quá hạn cập nhật (hạn ngày {date}).',
    lastReading: 'Số liệu gần nhất ngày {date}.',
    noReading: 'Chưa có số liệu nào.',
    enterAt: 'Nhập số liệu: {link}',
    optOut: 'Không muốn nhận thư nhắc? Tắt tại {link}.',
    frequency: { week: 'hằng tuần', month: 'hằng tháng', quarter: 'hằng quý', year: 'hằng năm' },
  },
  alert: {
    subjectOne: 'Cảnh báo chỉ tiêu {code}: “{from}” → “{to}”',
    subjectMany: 'Cảnh báo {count} chỉ tiêu giảm trạng thái: {codes}',
    intro: 'Trạng thái của các chỉ tiêu sau trên bảng theo dõi {term} vừa xấu đi:',
    introOne: 'Trạng thái của chỉ tiêu sau trên bảng theo dõi {term} vừa xấu đi:',
    line: '{code} — {name}: từ “{from}” xuống “{to}”.',
    pace: 'Hiện đạt {value}; theo tiến độ cần {expected} (mục tiêu {target}).',
    noValue: 'Chưa có số liệu; theo tiến độ cần {expected} (mục tiêu {target}).',
    history: 'Xem diễn biến: {link}',
  },
  footer: 'Thư này được gửi tự động từ bảng theo dõi chỉ tiêu nhiệm kỳ. Xin đừng trả lời thư này.',
};

export const notificationsMailEn: typeof notificationsMailVi = {
  reminder: {
    subjectDue: 'Reminder: update target {code} — due {date}',
    subjectOverdue: 'Overdue: target {code} needs its update',
    subjectDigest: 'Reminder: update {count} targets: {codes}',
    greeting: 'Dear {name},',
    intro: 'These targets of your unit need their figures on the {term} board:',
    introOne: 'This target of your unit needs its figure on the {term} board:',
    due: '{code} — {name}: due on {date} (updated {frequency}).',
    overdue: '{code} — {name}: overdue (it was due on {date}).',
    lastReading: 'Latest figure dated {date}.',
    noReading: 'No figure yet.',
    enterAt: 'Enter it: {link}',
    optOut: 'No more reminders? Turn them off at {link}.',
    frequency: { week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' },
  },
  alert: {
    subjectOne: 'Alert: target {code} “{from}” → “{to}”',
    subjectMany: 'Alert: {count} targets got worse: {codes}',
    intro: 'The status of these targets on the {term} board just got worse:',
    introOne: 'The status of this target on the {term} board just got worse:',
    line: '{code} — {name}: down from “{from}” to “{to}”.',
    pace: 'Now at {value}; the pace expects {expected} (target {target}).',
    noValue: 'No figure yet; the pace expects {expected} (target {target}).',
    history: 'See its history: {link}',
  },
  footer: 'This message was sent automatically by the term targets board. Please do not reply.',
};

/** The admin page /admin/notifications. */
export const notificationsVi = {
  title: 'Nhắc việc và cảnh báo',
  intro:
    'Mỗi phút máy chủ kiểm tra: chuyên viên của đơn vị được nhắc 3 ngày trước hạn cập nhật và khi quá hạn (mỗi hạn một lần); người nhận cảnh báo (mục Cài đặt) được báo khi trạng thái một chỉ tiêu xấu đi.',
  mailOff: 'Máy chủ chưa cấu hình gửi thư (SMTP_URL): chưa có nhắc việc hay cảnh báo nào được gửi.',
  empty: 'Chưa có nhắc việc hay cảnh báo nào.',
  loadFailed: 'Không tải được danh sách. Hãy thử lại.',
  retry: 'Thử lại',
  col: { at: 'Thời điểm', kind: 'Loại', indicator: 'Chỉ tiêu', detail: 'Nội dung', deliveries: 'Gửi tới' },
  kind: { reminder_due: 'Nhắc sắp đến hạn', reminder_overdue: 'Nhắc quá hạn', alert: 'Cảnh báo' },
  dueOn: 'Hạn {date}',
  change: '“{from}” → “{to}”',
  waiting: 'Đang gom các thay đổi, sẽ gửi trong vài phút',
  noRecipients: 'Không có người nhận',
  delivery: { pending: 'Chờ gửi', sent: 'Đã gửi', failed: 'Lỗi' },
  attempts: '{count} lần thử',
  retryAt: 'thử lại lúc {time}',
  resend: 'Gửi lại',
  resent: 'Đã xếp hàng gửi lại.',
  email: {
    label: 'Thư điện tử',
    hint: 'Nơi nhận thư nhắc cập nhật số liệu. Để trống nếu không dùng.',
    receives: 'Nhận thư nhắc cập nhật số liệu',
    none: 'Chưa có',
  },
  account: {
    heading: 'Thư nhắc việc',
    intro: 'Máy chủ gửi thư nhắc 3 ngày trước hạn cập nhật số liệu và khi quá hạn, cho các chỉ tiêu của đơn vị bạn.',
    save: 'Lưu',
    saving: 'Đang lưu…',
    saved: 'Đã lưu.',
  },
  field: { email: { invalid_format: 'Địa chỉ thư không hợp lệ.', too_big: 'Địa chỉ thư tối đa 254 ký tự.' } },
};

export const notificationsEn: typeof notificationsVi = {
  title: 'Reminders and alerts',
  intro:
    'Every minute the server checks: a unit’s specialists are reminded 3 days before an update is due and when it is overdue (once per due date); the alert recipients (Settings) are told when a target’s status gets worse.',
  mailOff: 'This server does not send email (no SMTP_URL): no reminder or alert has been sent.',
  empty: 'No reminder or alert yet.',
  loadFailed: 'The list could not be loaded. Try again.',
  retry: 'Try again',
  col: { at: 'When', kind: 'Kind', indicator: 'Target', detail: 'Detail', deliveries: 'Sent to' },
  kind: { reminder_due: 'Due soon', reminder_overdue: 'Overdue', alert: 'Alert' },
  dueOn: 'Due {date}',
  change: '“{from}” → “{to}”',
  waiting: 'Gathering changes, sent within a few minutes',
  noRecipients: 'No recipient',
  delivery: { pending: 'Pending', sent: 'Sent', failed: 'Failed' },
  attempts: '{count} attempts',
  retryAt: 'retry at {time}',
  resend: 'Send again',
  resent: 'Queued to send again.',
  email: {
    label: 'Email',
    hint: 'Where reminders to update figures go. Leave empty for none.',
    receives: 'Receive reminders to update figures',
    none: 'None',
  },
  account: {
    heading: 'Reminder emails',
    intro: 'The server sends a reminder 3 days before a figure of your unit’s targets is due, and when it is overdue.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
  },
  field: { email: { invalid_format: 'Not a valid email address.', too_big: 'At most 254 characters.' } },
};
