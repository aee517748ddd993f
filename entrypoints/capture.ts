import { capturePage } from '@/lib/capture';

/**
 * The page's DOM, taken at the click while the reader is still being injected (lib/bg/read-ahead.ts):
 * its value is what `scripting.executeScript` answers with. Small, so it runs before the reader's
 * larger script has been compiled, and the pipeline document reads the story meanwhile.
 */
export default defineUnlistedScript({
  include: ['chrome', 'edge', 'opera'],
  main() {
    if (import.meta.env.MODE === 'bench') performance.mark('calm:capture');
    const page = capturePage(document, location.href);
    if (import.meta.env.MODE === 'bench') performance.mark('calm:captured');
    return page;
  },
});
