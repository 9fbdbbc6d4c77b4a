import type { Aggregation, Direction, Measure, Milestone, UpdateFrequency } from '../../shared/indicator/model';

/*
 * The demo term, from the report of the Party Committee of the Tiền Giang Provincial People's
 * Committee Office (../shared/source/term-report-2025-2030.vi.txt). Facts of the report carry
 * over: 100 party members in 5 branches, 15 members admitted in 2020–2025, 100% studied the
 * resolutions and wrote reports, 5/5 branches keep regular meetings, no violations. Targets the
 * report does not give are marked illustrative in their description (ILLUSTRATIVE) — so is the
 * history of readings, which follows a profile chosen to show every status on the screens.
 */

export const ILLUSTRATIVE = 'Chỉ tiêu minh họa: báo cáo không nêu con số.';

export const OFFICE_NAME = 'Đảng bộ Văn phòng UBND tỉnh Tiền Giang';

export const PARTY_COMMITTEE = 'Đảng bộ Văn phòng UBND tỉnh';
export const BRANCHES = [
  'Chi bộ Phòng Tổng hợp',
  'Chi bộ Phòng Kinh tế',
  'Chi bộ Phòng Văn hóa - Xã hội',
  'Chi bộ Phòng Hành chính - Tổ chức',
  'Chi bộ Trung tâm Phục vụ hành chính công',
] as const;

export const PREVIOUS_TERM = { name: 'Nhiệm kỳ 2020–2025', start: '2020-06-01', end: '2025-05-31' };
export const CURRENT_TERM = { name: 'Nhiệm kỳ 2025–2030', start: '2025-06-01', end: '2030-05-31' };

export const GROUPS = ['Xây dựng Đảng', 'Kiểm tra, giám sát', 'Cải cách hành chính', 'Chuyển đổi số'] as const;

/**
 * How a seeded history unfolds: the value (or numerator of `of`) at a share `elapsed` of the
 * term, for a given start and target. `cumulative` indicators return the running total.
 */
export type Profile = (p: { elapsed: number; start: number; target: number }) => number;

export interface DemoIndicator {
  code: string;
  name: string;
  description: string;
  group: (typeof GROUPS)[number];
  /** Index into BRANCHES, or null for the Party Committee itself. */
  owner: number | null;
  measure: Measure;
  aggregation: Aggregation;
  direction: Direction;
  unit: string;
  decimals: number;
  updateFrequency: UpdateFrequency;
  /** The 2020–2025 result: the baseline of 2025–2030 (for cumulative ones, the previous total). */
  previous: number;
  target: number;
  milestones?: Milestone[];
  /** For ratio indicators: the denominator (5 branches). */
  of?: number;
  /** The current term's history; omitted: no readings yet. */
  profile?: Profile;
  /** Readings stop this many days before today: the indicator shows as overdue. */
  silentForDays?: number;
}

const onPace: Profile = ({ elapsed, start, target }) => start + (target - start) * elapsed;
const holding: Profile = ({ target }) => target;

export const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'XDD-01',
    name: 'Kết nạp đảng viên mới',
    description: 'Số quần chúng ưu tú được kết nạp vào Đảng trong nhiệm kỳ (nhiệm kỳ 2020–2025: 15). Chỉ tiêu 20 là minh họa.',
    group: 'Xây dựng Đảng',
    owner: null,
    measure: 'count',
    aggregation: 'cumulative',
    direction: 'increase',
    unit: 'đảng viên',
    decimals: 0,
    updateFrequency: 'quarter',
    previous: 15,
    target: 20,
    milestones: [
      { year: 2026, value: 5 },
      { year: 2027, value: 9 },
      { year: 2028, value: 13 },
      { year: 2029, value: 17 },
    ],
    profile: ({ elapsed, target }) => Math.round(target * elapsed + 1),
  },
  {
    code: 'XDD-02',
    name: 'Cán bộ, đảng viên tham gia học tập, quán triệt nghị quyết',
    description: 'Tỷ lệ cán bộ, đảng viên tham gia học tập, quán triệt nghị quyết, chỉ thị của Đảng (nhiệm kỳ 2020–2025: 100%).',
    group: 'Xây dựng Đảng',
    owner: null,
    measure: 'percent',
    aggregation: 'latest',
    direction: 'maintain',
    unit: '%',
    decimals: 1,
    updateFrequency: 'quarter',
    previous: 100,
    target: 100,
    profile: holding,
  },
  {
    code: 'XDD-03',
    name: 'Cán bộ, đảng viên viết thu hoạch sau học tập',
    description: 'Tỷ lệ cán bộ, đảng viên viết bài thu hoạch sau học tập, quán triệt nghị quyết theo yêu cầu (nhiệm kỳ 2020–2025: 100%).',
    group: 'Xây dựng Đảng',
    owner: null,
    measure: 'percent',
    aggregation: 'latest',
    direction: 'maintain',
    unit: '%',
    decimals: 1,
    updateFrequency: 'quarter',
    previous: 100,
    target: 100,
    profile: ({ elapsed }) => (elapsed < 0.2 ? 100 : 97.5),
  },
  {
    code: 'XDD-04',
    name: 'Chi bộ duy trì sinh hoạt nền nếp',
    description: 'Số chi bộ trực thuộc duy trì sinh hoạt định kỳ hằng tháng nền nếp (nhiệm kỳ 2020–2025: 5/5).',
    group: 'Xây dựng Đảng',
    owner: null,
    measure: 'ratio',
    aggregation: 'latest',
    direction: 'maintain',
    unit: 'chi bộ',
    decimals: 0,
    updateFrequency: 'month',
    previous: 100,
    target: 100,
    of: 5,
    profile: () => 5,
  },
  {
    code: 'XDD-05',
    name: 'Chi bộ đạt “Chi bộ 4 tốt”',
    description: `Số chi bộ được công nhận “Chi bộ 4 tốt” theo Quy định xây dựng “Chi bộ 4 tốt”, “Đảng bộ 4 tốt”. ${ILLUSTRATIVE}`,
    group: 'Xây dựng Đảng',
    owner: null,
    measure: 'ratio',
    aggregation: 'latest',
    direction: 'increase',
    unit: 'chi bộ',
    decimals: 0,
    updateFrequency: 'year',
    previous: 60,
    target: 100,
    of: 5,
    profile: ({ elapsed }) => (elapsed < 0.5 ? 4 : 5),
  },
  {
    code: 'KTGS-01',
    name: 'Cuộc kiểm tra của Đảng ủy đối với tổ chức đảng, đảng viên',
    description: `Số cuộc kiểm tra theo chương trình kiểm tra, giám sát của Đảng ủy. ${ILLUSTRATIVE}`,
    group: 'Kiểm tra, giám sát',
    owner: null,
    measure: 'count',
    aggregation: 'cumulative',
    direction: 'increase',
    unit: 'cuộc',
    decimals: 0,
    updateFrequency: 'quarter',
    previous: 18,
    target: 20,
    // Two inspections behind the pace: at risk.
    profile: ({ elapsed, target }) => Math.max(0, Math.round(target * elapsed) - 2),
  },
  {
    code: 'KTGS-02',
    name: 'Cuộc giám sát chuyên đề',
    description: `Số cuộc giám sát chuyên đề của Đảng ủy và các chi bộ. ${ILLUSTRATIVE}`,
    group: 'Kiểm tra, giám sát',
    owner: null,
    measure: 'count',
    aggregation: 'cumulative',
    direction: 'increase',
    unit: 'cuộc',
    decimals: 0,
    updateFrequency: 'quarter',
    previous: 12,
    target: 15,
    profile: ({ elapsed, target }) => Math.ceil(target * elapsed),
  },
  {
    code: 'KTGS-03',
    name: 'Đảng viên vi phạm những điều đảng viên không được làm',
    description: 'Số đảng viên vi phạm những điều đảng viên không được làm, suy thoái tư tưởng chính trị, đạo đức, lối sống (nhiệm kỳ 2020–2025: không có).',
    group: 'Kiểm tra, giám sát',
    owner: null,
    measure: 'count',
    aggregation: 'cumulative',
    direction: 'decrease',
    unit: 'đảng viên',
    decimals: 0,
    updateFrequency: 'quarter',
    previous: 0,
    target: 0,
    profile: () => 0,
  },
  {
    code: 'CCHC-01',
    name: 'Hồ sơ một cửa giải quyết đúng hạn',
    description: `Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận qua bộ phận một cửa được giải quyết đúng hạn. ${ILLUSTRATIVE}`,
    group: 'Cải cách hành chính',
    owner: 4,
    measure: 'percent',
    aggregation: 'latest',
    direction: 'increase',
    unit: '%',
    decimals: 1,
    updateFrequency: 'month',
    previous: 97.5,
    target: 99.5,
    profile: onPace,
  },
  {
    code: 'CCHC-02',
    name: 'Hồ sơ thủ tục hành chính xử lý trực tuyến',
    description: `Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và xử lý trực tuyến toàn trình. ${ILLUSTRATIVE}`,
    group: 'Cải cách hành chính',
    owner: 4,
    measure: 'percent',
    aggregation: 'latest',
    direction: 'increase',
    unit: '%',
    decimals: 1,
    updateFrequency: 'month',
    previous: 45,
    target: 80,
    // A quarter of the way behind the pace: off track.
    profile: ({ elapsed, start, target }) => start + (target - start) * Math.max(0, elapsed - 0.25),
  },
  {
    code: 'CCHC-03',
    name: 'Thủ tục hành chính được rà soát, đơn giản hóa',
    description: `Số thủ tục hành chính được rà soát, kiến nghị đơn giản hóa trong nhiệm kỳ. ${ILLUSTRATIVE}`,
    group: 'Cải cách hành chính',
    owner: 0,
    measure: 'count',
    aggregation: 'cumulative',
    direction: 'increase',
    unit: 'thủ tục',
    decimals: 0,
    updateFrequency: 'quarter',
    previous: 48,
    target: 60,
    profile: ({ elapsed, target }) => Math.round(target * elapsed * 1.1),
    silentForDays: 150,
  },
  {
    code: 'CDS-01',
    name: 'Văn bản điện tử được ký số',
    description: `Tỷ lệ văn bản đi được ký số trên hệ thống quản lý văn bản và điều hành. ${ILLUSTRATIVE}`,
    group: 'Chuyển đổi số',
    owner: 3,
    measure: 'percent',
    aggregation: 'latest',
    direction: 'increase',
    unit: '%',
    decimals: 1,
    updateFrequency: 'month',
    previous: 95,
    target: 100,
    profile: ({ elapsed, start, target }) => Math.min(target - 0.3, start + (target - start) * (elapsed * 1.8 + 0.2)),
  },
  {
    code: 'CDS-02',
    name: 'Văn bản đi được phát hành điện tử',
    description: `Tỷ lệ văn bản đi (trừ văn bản mật) được phát hành dưới dạng điện tử. ${ILLUSTRATIVE}`,
    group: 'Chuyển đổi số',
    owner: 3,
    measure: 'percent',
    aggregation: 'latest',
    direction: 'increase',
    unit: '%',
    decimals: 1,
    updateFrequency: 'month',
    previous: 92,
    target: 100,
    profile: ({ elapsed, start, target }) => Math.min(target, start + (target - start) * elapsed * 5),
  },
  {
    code: 'CDS-03',
    name: 'Hồ sơ công việc được xử lý trên môi trường mạng',
    description: `Số hồ sơ công việc lập và xử lý trên hệ thống quản lý hồ sơ công việc, trên tổng số hồ sơ công việc phát sinh, cộng dồn trong nhiệm kỳ. ${ILLUSTRATIVE}`,
    group: 'Chuyển đổi số',
    owner: 0,
    measure: 'ratio',
    aggregation: 'cumulative',
    direction: 'increase',
    unit: 'hồ sơ',
    decimals: 1,
    updateFrequency: 'month',
    previous: 70,
    target: 90,
    of: 400,
    // Each month: about 400 dossiers opened, the share handled online rising on pace.
    profile: ({ elapsed, target }) => Math.round(4 * (78 + (target + 4 - 78) * elapsed)),
  },
  {
    code: 'CDS-04',
    name: 'Cán bộ, đảng viên được bồi dưỡng kỹ năng số',
    description: `Số cán bộ, đảng viên hoàn thành bồi dưỡng kỹ năng số cơ bản (Đảng bộ có 100 đảng viên). ${ILLUSTRATIVE}`,
    group: 'Chuyển đổi số',
    owner: 2,
    measure: 'count',
    aggregation: 'cumulative',
    direction: 'increase',
    unit: 'người',
    decimals: 0,
    updateFrequency: 'quarter',
    previous: 0,
    target: 100,
  },
];
