/** Strings of the weekly export (cover, weekly change): Vietnamese, then English. */
export const exportVi = {
  coverTitle: 'Báo cáo tiến độ chỉ tiêu nhiệm kỳ',
  week: 'Tuần {week}/{year} ({monday} – {sunday})',
  asOf: 'Số liệu tính đến {dateTime}',
  cutoff: 'Gồm các thay đổi đến số {seq}; số liệu ghi nhận sau thời điểm trên không được tính.',
  pages: 'Các trang của báo cáo',
  change: {
    up: '+{amount} so với tuần trước',
    down: '−{amount} so với tuần trước',
    same: 'Không đổi so với tuần trước',
    first: 'Có số liệu lần đầu trong tuần',
  },
  failed: 'Không dựng được trang xuất: {reason}',
};

export const exportEn: typeof exportVi = {
  coverTitle: 'Progress report on the term targets',
  week: 'Week {week}/{year} ({monday} – {sunday})',
  asOf: 'Figures as of {dateTime}',
  cutoff: 'Includes changes up to number {seq}; figures recorded after that moment are not counted.',
  pages: 'Pages of the report',
  change: {
    up: '+{amount} since last week',
    down: '−{amount} since last week',
    same: 'Unchanged since last week',
    first: 'First figures this week',
  },
  failed: 'The export page could not be drawn: {reason}',
};
