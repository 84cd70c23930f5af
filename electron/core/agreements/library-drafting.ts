import { checkDraft, renderAgreement, renderedText } from '../../../shared/agreements/render';
import { instantiateTemplate } from '../../../shared/agreements/instantiate';
import { toCatalogue, type AgreementLibrary } from '../../../shared/agreements/library';
import { issue } from '../../../shared/agreements/issues';
import type { AgreementDrafting } from './drafting';
import { loadAgreementLibraryFiles } from './library-files';

/** The drafting edge over the shipped library (or one a test hands in). */
export function libraryDrafting(library: () => AgreementLibrary = () => loadAgreementLibraryFiles()): AgreementDrafting {
  return {
    catalogue: () => toCatalogue(library()),
    instantiate(templateId, facts) {
      const lib = library();
      const template = lib.templates.find((t) => t.id === templateId);
      if (!template) return { issues: [issue('unknown_template', 'templateId', `No template ${templateId}`)] };
      const draft = instantiateTemplate(template, lib, facts);
      const problems = checkDraft(draft.content, draft.variables);
      return problems.length > 0 ? { issues: problems } : draft;
    },
    check: checkDraft,
    render(content, variables) {
      const rendered = renderAgreement(content, variables);
      return { title: rendered.title, text: renderedText(rendered), unfilled: [...rendered.unfilled], fulfilmentDate: rendered.fulfilmentDate };
    },
  };
}
