/** The kit's own controls (ui/DateField, ui/FileField): Vietnamese, whatever the browser's language. */
export const controlsVi = {
  date: {
    placeholder: 'dd/mm/yyyy',
    calendar: 'Chọn ngày trên lịch',
  },
  file: {
    choose: 'Chọn tệp',
    none: 'Chưa chọn tệp',
  },
};

export const controlsEn: typeof controlsVi = {
  date: {
    placeholder: 'dd/mm/yyyy',
    calendar: 'Pick the date on a calendar',
  },
  file: {
    choose: 'Choose a file',
    none: 'No file chosen',
  },
};
