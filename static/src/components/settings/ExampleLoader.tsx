/**
 * "Load the bank example": one step that puts the governance model's bank example (from the
 * server, valid as it stands) in place of the whole draft, after a confirmation. Only the draft
 * changes: nothing is stored until Save, and "Discard changes" brings the saved settings back.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useSettings } from './context';

export function ExampleLoader() {
  const { m, example, update } = useSettings();
  const [step, setStep] = useState<'idle' | 'confirm' | 'loaded'>('idle');
  return (
    <div data-testid="bank-example" style={{ margin: `${token('space.100', '8px')} 0` }}>
      {step === 'confirm' ? (
        <SectionMessage
          appearance="warning"
          title={m.exampleConfirmTitle}
          actions={[
            <SectionMessageAction
              key="replace"
              testId="load-example-confirm"
              onClick={() => {
                // The server's own object: the page knows it is valid and does not ask again.
                update(() => example);
                setStep('loaded');
              }}
            >
              {m.exampleReplace}
            </SectionMessageAction>,
            <SectionMessageAction key="cancel" testId="load-example-cancel" onClick={() => setStep('idle')}>
              {m.cancel}
            </SectionMessageAction>,
          ]}
        >
          <p>{m.exampleConfirmBody}</p>
        </SectionMessage>
      ) : (
        <Button onClick={() => setStep('confirm')} testId="load-example">
          {m.loadExample}
        </Button>
      )}
      {step === 'loaded' && (
        <div data-testid="example-loaded" style={{ marginTop: token('space.100', '8px') }}>
          <SectionMessage appearance="information">
            <p>{m.exampleLoaded}</p>
          </SectionMessage>
        </div>
      )}
    </div>
  );
}
