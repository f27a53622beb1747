import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { textField } from '../src/forms/fields/text.js';
import { questionPage } from '../src/forms/question-page.js';
import { continueButton, StepController } from '../src/forms/step-flow.js';
import type { KkTestHost } from './host.js';
import './host.js';

const field = () => textField({ id: 'namn', name: 'namn', label: 'Ditt namn', value: '', onInput: () => {} });

describe('questionPage', () => {
  it('has "Tillbaka", the caption and the focus-target heading at the given level, then the form', async () => {
    let back = 0;
    let submitted = 0;
    const host = await fixture<KkTestHost>(
      html`<kk-test-host
        .template=${() =>
          questionPage({
            headingLevel: 3,
            title: 'Vad heter du?',
            caption: 'Steg 2 av 5',
            back: () => back++,
            onSubmit: () => submitted++,
            content: html`${field()} ${continueButton()}`,
          })}
      ></kk-test-host>`,
    );
    const root = host.shadowRoot!;
    const [first, second, third] = [...root.children].filter((child) => child.tagName !== 'STYLE');
    expect(first?.textContent.trim()).to.equal('Tillbaka');
    expect(second?.textContent.trim()).to.equal('Steg 2 av 5');
    expect(third?.tagName).to.equal('H3');
    expect(third?.textContent).to.equal('Vad heter du?');
    expect(third?.hasAttribute('data-kk-focus-target')).to.equal(true);
    const form = root.querySelector('form')!;
    expect(form.noValidate).to.equal(true);
    expect(form.querySelector('#namn')).not.to.equal(null);
    await expect(host).to.be.accessible();

    // Enter in the field submits through onSubmit, and the page does not navigate.
    root.querySelector<HTMLInputElement>('#namn')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(submitted).to.equal(1);
    root.querySelector<HTMLButtonElement>('.kk-back-link')!.click();
    expect(back).to.equal(1);
  });

  it('puts the error summary at the top of the form, with links to the fields', async () => {
    const host = await fixture<KkTestHost>(
      html`<kk-test-host
        .template=${() =>
          questionPage({
            headingLevel: 2,
            title: 'Vad heter du?',
            errors: [{ id: 'namn', message: 'Ange ditt namn' }],
            onSubmit: () => {},
            content: field(),
          })}
      ></kk-test-host>`,
    );
    const form = host.shadowRoot!.querySelector('form')!;
    const summary = form.firstElementChild;
    expect(summary?.hasAttribute('data-kk-error-summary')).to.equal(true);
    expect(summary?.querySelector('a')?.getAttribute('href')).to.equal('#namn');
    await expect(host).to.be.accessible();
  });

  it('without onSubmit, back or caption renders only the heading and content (no form)', async () => {
    const host = await fixture<KkTestHost>(
      html`<kk-test-host .template=${() => questionPage({ headingLevel: 2, title: 'Kvitto', errors: [], content: html`<p>Klart</p>` })}></kk-test-host>`,
    );
    const root = host.shadowRoot!;
    expect(root.querySelector('form')).to.equal(null);
    expect(root.querySelector('.kk-back-link')).to.equal(null);
    expect(root.querySelector('.kk-step-counter')).to.equal(null);
    expect(root.querySelector('[data-kk-error-summary]')).to.equal(null);
    expect(root.querySelector('h2')?.textContent).to.equal('Kvitto');
    await expect(host).to.be.accessible();
  });

  it("is where a StepController's focus lands on a step change", async () => {
    const host = await fixture<KkTestHost>(html`<kk-test-host></kk-test-host>`);
    const steps = new StepController<'a' | 'b'>(host, { initial: 'a' });
    host.template = () =>
      questionPage({
        headingLevel: 2,
        title: steps.current === 'a' ? 'Fråga A' : 'Fråga B',
        back: steps.canGoBack ? () => steps.back() : undefined,
        onSubmit: () => steps.go('b'),
        content: html`${field()} ${continueButton()}`,
      });
    await host.updateComplete;
    host.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await host.updateComplete;
    expect(host.shadowRoot!.activeElement?.textContent).to.equal('Fråga B');
    expect(host.shadowRoot!.querySelector('.kk-back-link')).not.to.equal(null);
  });
});
