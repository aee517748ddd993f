import { browser } from 'wxt/browser';
import { wireBackground } from '@/lib/bg/wire';

export default defineBackground(() => {
  wireBackground(browser);
});
