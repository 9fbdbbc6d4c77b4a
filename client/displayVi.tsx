import { startDisplay } from './displayMain';
import { vi } from './i18n/vi';

startDisplay('vi', vi);
