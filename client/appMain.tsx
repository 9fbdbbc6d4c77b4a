import { App } from './App';
import { enAll, viAll } from './i18n/catalogs';
import { mount } from './mount';

mount({ vi: viAll, en: enAll }, (lang) => <App lang={lang} />);
