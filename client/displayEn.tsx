import { startDisplay } from './displayMain';
import { en } from './i18n/en';

startDisplay('en', en);
