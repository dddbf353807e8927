/**
 * The design-token CSS Jira loads into a Custom UI frame when it calls `view.theme.enable()`:
 * the preview serves the same CSS from @atlaskit/tokens.
 */
import getThemeStyles from '@atlaskit/tokens/get-theme-styles';

const cache = new Map<string, Promise<string>>();

async function build(mode: 'light' | 'dark'): Promise<string> {
  // Outside Atlassian's products the tokens' feature-flag client logs that it is not set up.
  const error = console.error;
  console.error = () => undefined;
  try {
    const styles = await getThemeStyles({ colorMode: mode, dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography', shape: 'shape' });
    return styles.map((s) => s.css).join('\n');
  } finally {
    console.error = error;
  }
}

export function themeCss(mode: 'light' | 'dark'): Promise<string> {
  let css = cache.get(mode);
  if (!css) {
    css = build(mode);
    cache.set(mode, css);
  }
  return css;
}
