/**
 * The weekly report's words, in the office's language: the email the server writes
 * (server/mail/report-message.ts), and the sentences of the PDF's cover, which are the email's
 * (client/report/weeklyText.ts). Vietnamese, then English with the same keys. `{name}` marks a value.
 */
export const mailVi = {
  report: {
    subject: 'Báo cáo tuần {week}/{year} — {term}',
    intro: '{office} gửi báo cáo tuần {week}/{year} về các chỉ tiêu của {term}, số liệu tính đến {dateTime}.',
    attached: 'Báo cáo đầy đủ (PDF) được đính kèm thư này.',
    countsHeading: 'Tình hình các chỉ tiêu',
    count: '{status}: {count} chỉ tiêu',
    countWithBefore: '{status}: {count} chỉ tiêu (tuần trước: {before})',
    changesHeading: 'Đổi trạng thái trong tuần',
    changeWorse: '{name} ({code}) giảm từ “{from}” xuống “{to}”.',
    changeBetter: '{name} ({code}) chuyển từ “{from}” sang “{to}”.',
    noChanges: 'Không chỉ tiêu nào đổi trạng thái trong tuần.',
    moversHeading: 'Thay đổi lớn nhất trong tuần',
    moverUp: '{name} ({code}) tăng {amount} trong tuần, nay đạt {value} (mục tiêu {target}).',
    moverDown: '{name} ({code}) giảm {amount} trong tuần, nay còn {value} (mục tiêu {target}).',
    noMovers: 'Không có số liệu mới nào trong tuần.',
    percentagePoints: '{amount} điểm phần trăm',
    overdueHeading: 'Quá hạn cập nhật',
    overdueSince: '{name} ({code}) quá hạn cập nhật: số liệu gần nhất là của ngày {date}.',
    overdueNever: '{name} ({code}) quá hạn cập nhật: chưa có số liệu nào.',
    more: 'Và {count} chỉ tiêu khác, xem ở các trang sau.',
    noOverdue: 'Không chỉ tiêu nào quá hạn cập nhật.',
    footer: 'Thư này được gửi tự động từ bảng theo dõi chỉ tiêu nhiệm kỳ. Xin đừng trả lời thư này.',
  },
};

export const mailEn: typeof mailVi = {
  report: {
    subject: 'Weekly report {week}/{year} — {term}',
    intro: '{office} sends the weekly report {week}/{year} on the targets of {term}, figures as of {dateTime}.',
    attached: 'The full report (PDF) is attached to this message.',
    countsHeading: 'Where the targets stand',
    count: '{status}: {count} targets',
    countWithBefore: '{status}: {count} targets (last week: {before})',
    changesHeading: 'Status changes this week',
    changeWorse: '{name} ({code}) went down from “{from}” to “{to}”.',
    changeBetter: '{name} ({code}) moved from “{from}” to “{to}”.',
    noChanges: 'No target changed status this week.',
    moversHeading: 'Largest changes this week',
    moverUp: '{name} ({code}) rose by {amount} this week, now {value} (target {target}).',
    moverDown: '{name} ({code}) fell by {amount} this week, now {value} (target {target}).',
    noMovers: 'No new figures this week.',
    percentagePoints: '{amount} percentage points',
    overdueHeading: 'Overdue updates',
    overdueSince: '{name} ({code}) is overdue: its latest figure is of {date}.',
    overdueNever: '{name} ({code}) is overdue: it has no figure yet.',
    more: 'And {count} more targets, on the following pages.',
    noOverdue: 'No target is overdue.',
    footer: 'This message was sent automatically by the term targets board. Please do not reply.',
  },
};
