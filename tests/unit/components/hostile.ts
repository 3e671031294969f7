/** Strings a hostile provider or page could send; every one must render as inert text. */
export const SCRIPT = '<script>window.__pwned = 1</script>';
export const IMG = '<img src=x onerror="window.__pwned = 1">';
export const JS_URL = 'javascript:window.__pwned=1';
export const DATA_URL = 'data:text/html,<script>window.__pwned=1</script>';
export const LONG = 'A'.repeat(5_000);

/** Fails when anything hostile became markup: no script, no img but ours, no handler attributes, no unsafe links. */
export function expectInert(container: Element, allowedImages = 0): void {
  if (container.querySelector('script')) throw new Error('a <script> element was rendered');
  if (container.querySelectorAll('img').length > allowedImages) throw new Error('an unexpected <img> was rendered');
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      if (attribute.startsWith('on')) throw new Error(`<${element.tagName}> has an ${attribute} attribute`);
    }
  }
  for (const element of container.querySelectorAll('[href], [src]')) {
    const url = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
    if (!/^https?:\/\//.test(url)) throw new Error(`unsafe URL rendered: ${url.slice(0, 60)}`);
  }
  if ((window as { __pwned?: number }).__pwned) throw new Error('hostile code ran');
}
