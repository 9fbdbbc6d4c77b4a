/**
 * The strings of the signed-in app's frame: the navigation bar and the session check, on every
 * page (the board's first route too), and the signed-in board's card. The pages' own strings are loaded with their route
 * (i18n/appStrings.ts); the meeting-room screen loads none of these.
 */
export const frameVi = {
  nav: {
    label: 'Điều hướng chính',
    skip: 'Bỏ qua thanh điều hướng',
    adminLabel: 'Quản trị',
    board: 'Bảng theo dõi',
    workspace: 'Cập nhật số liệu',
    import: 'Nhập từ tệp',
    screens: 'Màn hình',
    users: 'Người dùng',
    tokens: 'Mã truy cập',
    audit: 'Nhật ký',
    account: 'Tài khoản',
    signedInAs: '{name}',
    logout: 'Đăng xuất',
    loggingOut: 'Đang đăng xuất…',
    reports: 'Báo cáo tuần',
    notifications: 'Nhắc việc & cảnh báo',
    plan: 'Kế hoạch nhiệm kỳ',
    units: 'Đơn vị',
    settings: 'Cài đặt',
    language: 'Ngôn ngữ',
  },
  session: {
    checking: 'Đang kiểm tra phiên đăng nhập…',
    failed: 'Không kiểm tra được phiên đăng nhập.',
  },
  /** The signed-in board's card (IndicatorCard): here, not in vi.ts, so the meeting-room screen's bundle carries none of it. */
  boardCard: {
    progress: 'Tiến độ {progress} chặng đường từ mức đầu kỳ đến mục tiêu (kế hoạch đến nay: {expected})',
    progressNoData: 'Chưa có số liệu để tính tiến độ (kế hoạch đến nay: {expected} chặng đường)',
  },
};

export const frameEn: typeof frameVi = {
  nav: {
    label: 'Main navigation',
    skip: 'Skip to the content',
    adminLabel: 'Administration',
    board: 'Board',
    workspace: 'Update figures',
    import: 'Import from file',
    screens: 'Screens',
    users: 'Users',
    tokens: 'Access tokens',
    audit: 'Audit log',
    account: 'Account',
    signedInAs: '{name}',
    logout: 'Log out',
    loggingOut: 'Logging out…',
    reports: 'Weekly reports',
    notifications: 'Reminders & alerts',
    plan: 'Term plan',
    units: 'Units',
    settings: 'Settings',
    language: 'Language',
  },
  session: {
    checking: 'Checking your session…',
    failed: 'Could not check your session.',
  },
  boardCard: {
    progress: 'Progress: {progress} of the way from the starting value to the target (planned by now: {expected})',
    progressNoData: 'No readings yet to measure progress (planned by now: {expected} of the way)',
  },
};
