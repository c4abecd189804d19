// Where each rule's documentation page lives: the repository URL of package.json plus docs/rules/<id>.md.
// esbuild inlines the one field used, so nothing reads package.json at run time.
import { repository } from '../../../package.json';

const DOCS_BASE = `${repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/docs/rules/`;

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
