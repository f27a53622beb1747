import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { getLocale, useLocale } from '../src/localization.js';
import type { KkAddAnotherDemo } from './add-another-demo.js';
import './add-another-demo.js';

const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

async function page(lang = 'sv') {
  const element = await fixture<KkAddAnotherDemo>(html`<kk-add-another-demo lang=${lang}></kk-add-another-demo>`);
  await waitUntil(() => getLocale() === lang, `${lang} did not load`, { timeout: 5000 });
  const root = element.shadowRoot!;
  const buttons = (name: RegExp) => [...root.querySelectorAll('button')].filter((button) => name.test(text(button)));
  return {
    element,
    root,
    active: () => root.activeElement as HTMLElement | null,
    legends: () => [...root.querySelectorAll('.kk-add-another__item > legend')].map(text),
    addButton: () => buttons(/^Lägg till/)[0],
    removeButtons: () => buttons(/^(Ta bort|Remove) /),
    status: () => text(root.querySelector('.kk-add-another [role=status]')),
    summary: () => [...root.querySelectorAll('[data-kk-error-summary] a')].map((link) => [link.getAttribute('href'), text(link)]),
    submit: async () => {
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await element.updateComplete;
    },
  };
}

async function tabTo(element: KkAddAnotherDemo, target: () => Element | undefined | null, most = 12): Promise<void> {
  for (let i = 0; i < most && element.shadowRoot!.activeElement !== target(); i += 1) await sendKeys({ press: 'Tab' });
  expect(element.shadowRoot!.activeElement).to.equal(target());
}

describe('add another', () => {
  afterEach(async () => {
    await useLocale('sv');
  });

  it('starts with one item that cannot be removed', async () => {
    const { element, legends, removeButtons, addButton } = await page();
    expect(legends()).to.deep.equal(['Barn 1']);
    expect(removeButtons()).to.have.length(0);
    expect(text(addButton())).to.equal('Lägg till ett barn till');
    await expect(element).to.be.accessible();
  });

  it('adds an item by keyboard, moves focus to its first field and announces it', async () => {
    const { element, root, active, legends, addButton, removeButtons, status } = await page();
    (root.getElementById('child-1-name') as HTMLInputElement).focus();
    await sendKeys({ type: 'Alva' });
    await tabTo(element, addButton);
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(legends()).to.deep.equal(['Barn 1', 'Barn 2']);
    expect(active()?.id).to.equal('child-2-name');
    expect(status()).to.equal('Barn 2 har lagts till.');
    expect(removeButtons().map(text)).to.deep.equal(['Ta bort Barn 1', 'Ta bort Barn 2']);
    expect(element.saved.at(-1)).to.deep.equal([
      { name: 'Alva', born: '' },
      { name: '', born: '' },
    ]);
    await sendKeys({ type: 'Bo' });
    expect(element.childList.values.map((child) => child.name)).to.deep.equal(['Alva', 'Bo']);
    await expect(element).to.be.accessible();
  });

  it('stops at the most items and says so', async () => {
    const { element, addButton, legends, root } = await page();
    addButton()!.click();
    await element.updateComplete;
    addButton()!.click();
    await element.updateComplete;
    expect(legends()).to.deep.equal(['Barn 1', 'Barn 2', 'Barn 3']);
    expect(addButton()).to.equal(undefined);
    expect(text(root.querySelector('.kk-add-another'))).to.contain('Du kan lägga till högst 3 barn.');
    await expect(element).to.be.accessible();
  });

  it('removes an item by keyboard, keeps the others, focuses the next one and announces it', async () => {
    const { element, root, active, legends, addButton, removeButtons, status } = await page();
    addButton()!.click();
    await element.updateComplete;
    addButton()!.click();
    await element.updateComplete;
    for (const [index, name] of ['Alva', 'Bo', 'Cleo'].entries()) element.childList.items[index]!.form.set('name', name);
    await element.updateComplete;

    (root.getElementById('applicant-email') as HTMLInputElement).focus();
    await tabTo(element, () => removeButtons()[1]);
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(legends()).to.deep.equal(['Barn 1', 'Barn 2']);
    expect(element.childList.values.map((child) => child.name)).to.deep.equal(['Alva', 'Cleo']);
    // Cleo's field keeps its id, so nothing else moves under the citizen's feet.
    expect(active()?.id).to.equal('child-3-name');
    expect((active() as HTMLInputElement).value).to.equal('Cleo');
    expect(status()).to.equal('Barn 2 har tagits bort.');
    expect(addButton()).to.not.equal(undefined);

    // Removing the last item sends focus to the add button, which is right after it.
    await tabTo(element, () => removeButtons()[1]);
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(active()).to.equal(addButton());
    expect(removeButtons()).to.have.length(0);
    expect(root.getElementById('child-1-name')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('lists the errors of every item in the one error summary, with unique links', async () => {
    const { element, root, addButton, summary, submit } = await page();
    addButton()!.click();
    await element.updateComplete;
    element.childList.items[1]!.form.set('name', 'Bo');
    await submit();
    expect(summary()).to.deep.equal([
      ['#applicant-email', 'Skriv din e-postadress'],
      ['#child-1-name', 'Barn 1: Skriv barnets namn'],
      ['#child-1-born', 'Barn 1: Skriv när barnet är fött'],
      ['#child-2-born', 'Barn 2: Skriv när barnet är fött'],
    ]);
    expect(root.activeElement).to.equal(root.querySelector('[data-kk-error-summary]'));
    const ids = [...root.querySelectorAll('[id]')].map((node) => node.id);
    expect(new Set(ids).size).to.equal(ids.length);
    await expect(element).to.be.accessible();

    root.querySelector<HTMLAnchorElement>('a[href="#child-2-born"]')!.click();
    expect(root.activeElement?.id).to.equal('child-2-born');
    expect(element.submitted).to.equal(false);
  });

  it('speaks English', async () => {
    const { element, addButton, removeButtons, status } = await page('en');
    addButton()!.click();
    await element.updateComplete;
    expect(status()).to.equal('Barn 2 has been added.');
    expect(text(removeButtons()[0])).to.equal('Remove Barn 1');
  });
});
