/**
 * The weekly report's email, written by the server (server/mail/report-message.ts) in the
 * office's language: Vietnamese, then English with the same keys. `{name}` marks a value.
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
    changeWorse: '{code} — {name}: giảm từ “{from}” xuống “{to}”.',
    changeBetter: '{code} — {name}: chuyển từ “{from}” sang “{to}”.',
    noChanges: 'Không chỉ tiêu nào đổi trạng thái trong tuần.',
    moversHeading: 'Thay đổi lớn nhất trong tuần',
    moverUp: '{code} — {name}: tăng {amount}, nay đạt {value} (mục tiêu {target}).',
    moverDown: '{code} — {name}: giảm {amount}, nay còn {value} (mục tiêu {target}).',
    noMovers: 'Không có số liệu mới nào trong tuần.',
    percentagePoints: '{amount} điểm phần trăm',
    overdueHeading: 'Quá hạn cập nhật',
    overdueSince: '{code} — {name}: số liệu gần nhất ngày {date}.',
    overdueNever: '{code} — {name}: chưa có số liệu nào.',
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
    changeWorse: '{code} — {name}: down from “{from}” to “{to}”.',
    changeBetter: '{code} — {name}: from “{from}” to “{to}”.',
    noChanges: 'No target changed status this week.',
    moversHeading: 'Largest changes this week',
    moverUp: '{code} — {name}: up {amount}, now {value} (target {target}).',
    moverDown: '{code} — {name}: down {amount}, now {value} (target {target}).',
    noMovers: 'No new figures this week.',
    percentagePoints: '{amount} percentage points',
    overdueHeading: 'Overdue updates',
    overdueSince: '{code} — {name}: last figure on {date}.',
    overdueNever: '{code} — {name}: no figure yet.',
    noOverdue: 'No target is overdue.',
    footer: 'This message was sent automatically by the term targets board. Please do not reply.',
  },
};
