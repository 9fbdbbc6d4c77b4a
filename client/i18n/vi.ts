import type { ErrorCode } from '../../shared/api/errors';
import type { ReadingFieldError } from '../../shared/api/readings';
import type { Direction, Status } from '../../shared/indicator/model';

/** Errors the client itself can run into, beside the API's stable codes. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

/**
 * Vietnamese, the default language. Every other language must have exactly these keys
 * (`Messages`). `{name}` marks a value filled in by `t()`.
 */
export const vi = {
  app: {
    title: 'Bảng theo dõi chỉ tiêu nhiệm kỳ',
  },
  common: {
    loading: 'Đang tải…',
    retry: 'Thử lại',
    notFound: 'Không tìm thấy trang này.',
    backToBoard: 'Về bảng theo dõi',
  },
  status: {
    achieved: 'Đã đạt',
    on_track: 'Đúng tiến độ',
    at_risk: 'Có nguy cơ',
    off_track: 'Chậm tiến độ',
    no_data: 'Chưa có số liệu',
  } satisfies Record<Status, string>,
  statusLabel: 'Trạng thái: {status}',
  overdue: {
    badge: 'Quá hạn cập nhật',
    labelSince: 'Quá hạn cập nhật, số liệu gần nhất ngày {date}',
    labelNever: 'Quá hạn cập nhật, chưa có số liệu nào',
  },
  direction: {
    increase: 'Tăng',
    decrease: 'Giảm',
    maintain: 'Duy trì',
  } satisfies Record<Direction, string>,
  board: {
    elapsed: 'Đã qua {percent} thời gian nhiệm kỳ',
    termDates: '{start} – {end}',
    asOf: 'Số liệu tính đến {dateTime}',
    closed: 'Nhiệm kỳ đã kết thúc',
    empty: 'Nhiệm kỳ này chưa có chỉ tiêu nào.',
    otherGroup: 'Chỉ tiêu khác',
    loadFailed: 'Không tải được bảng theo dõi.',
    displayLinkInvalid: 'Đường dẫn màn hình hiển thị không hợp lệ hoặc đã bị thu hồi.',
    logout: 'Đăng xuất',
    offline: 'Mất kết nối với máy chủ từ {time}. Số liệu trên màn hình có thể đã cũ.',
  },
  indicator: {
    target: {
      increase: 'Mục tiêu',
      decrease: 'Mục tiêu (tối đa)',
      maintain: 'Mục tiêu (duy trì)',
    } satisfies Record<Direction, string>,
    expected: 'Cần đạt đến nay',
    progressLabel: 'Đạt {progress} chặng đường đến mục tiêu; theo kế hoạch cần đạt {expected}',
    progressLabelNoData: 'Chưa có số liệu; theo kế hoạch cần đạt {expected} chặng đường đến mục tiêu',
    lastReading: 'Số liệu ngày {date}',
    noReading: 'Chưa có số liệu',
    ownerUnit: 'Đơn vị: {unit}',
  },
  login: {
    title: 'Đăng nhập',
    intro: 'Đăng nhập để xem và cập nhật các chỉ tiêu nhiệm kỳ.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    missing: 'Vui lòng nhập tên đăng nhập và mật khẩu.',
  },
  errors: {
    validation_failed: 'Dữ liệu chưa hợp lệ. Vui lòng kiểm tra lại các trường được đánh dấu.',
    malformed_json: 'Yêu cầu gửi lên không đúng định dạng.',
    unauthenticated: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    not_found: 'Không tìm thấy dữ liệu được yêu cầu.',
    conflict: 'Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại.',
    idempotency_key_reused: 'Yêu cầu này đã được gửi trước đó với nội dung khác.',
    term_closed: 'Nhiệm kỳ đã kết thúc, không thể thay đổi số liệu.',
    payload_too_large: 'Dữ liệu gửi lên quá lớn.',
    unsupported_media_type: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
    rate_limited: 'Có quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    internal: 'Máy chủ gặp sự cố. Vui lòng thử lại sau.',
    network_error: 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng.',
    unexpected_response: 'Máy chủ trả về dữ liệu không đúng như mong đợi.',
  } satisfies Record<ErrorCode | ClientErrorCode, string>,
  readingField: {
    required: 'Trường này là bắt buộc.',
    not_allowed: 'Trường này không áp dụng cho chỉ tiêu này.',
    not_integer: 'Phải là số nguyên.',
    negative: 'Không được là số âm.',
    above_100: 'Không được lớn hơn 100.',
    denominator_not_positive: 'Mẫu số phải lớn hơn 0.',
    numerator_above_denominator: 'Tử số không được lớn hơn mẫu số.',
    date_before_term: 'Ngày này trước khi nhiệm kỳ bắt đầu.',
    date_after_term: 'Ngày này sau khi nhiệm kỳ kết thúc.',
    date_after_today: 'Không được nhập số liệu cho ngày chưa đến.',
  } satisfies Record<ReadingFieldError, string>,
  /** Field codes of shape validation (zod issue codes) that the API may put in `fields`. */
  fieldError: {
    too_big: 'Giá trị quá lớn hoặc quá dài.',
    too_small: 'Giá trị quá nhỏ hoặc quá ngắn.',
    invalid_type: 'Sai kiểu dữ liệu.',
    invalid_format: 'Sai định dạng.',
    unrecognized_keys: 'Có trường không được chấp nhận.',
    other: 'Giá trị không hợp lệ.',
  },
};

export type Messages = typeof vi;
