import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { characterLength, countAnnounceDelay, textarea, type TextareaOptions } from '../src/forms/fields/text.js';
import { useLocale } from '../src/localization.js';
import type { KkTestHost } from './host.js';
import './host.js';

const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

/** A host that keeps the textarea's value, as a widget's form does. */
async function render(initial: string, extra: Partial<TextareaOptions> = {}, lang = 'sv') {
  const state = { value: initial };
  const host = await fixture<KkTestHost>(html`<kk-test-host
    lang=${lang}
    .template=${(h: KkTestHost) =>
      textarea({
        id: 'beskrivning',
        name: 'beskrivning',
        label: 'Beskriv felet',
        hint: 'Skriv vad som är fel och var.',
        value: state.value,
        count: { max: 20 },
        onInput: (value) => {
          state.value = value;
          h.requestUpdate();
        },
        ...extra,
      })}
  ></kk-test-host>`);
  const root = host.shadowRoot!;
  return {
    host,
    state,
    field: root.getElementById('beskrivning') as HTMLTextAreaElement,
    visible: () => text(root.querySelector('.kk-character-count')),
    announced: () => text(root.querySelector('[aria-live=polite]')),
  };
}

describe('textarea with a character count', () => {
  afterEach(() => useLocale('sv'));

  it('tells how many characters are left, linked to the textarea, without maxlength', async () => {
    const { host, field, visible, announced } = await render('Trasig lampa');
    expect(visible()).to.equal('Du har 8 tecken kvar');
    expect(announced()).to.equal('Du har 8 tecken kvar');
    expect(field.hasAttribute('maxlength')).to.equal(false);
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy).to.deep.equal(['beskrivning-hint', 'beskrivning-count-info']);
    expect(text(host.shadowRoot!.getElementById('beskrivning-count-info'))).to.equal('Du kan skriva upp till 20 tecken');
    // The visible count is not read twice: screen readers get the live copy.
    expect(host.shadowRoot!.querySelector('.kk-character-count')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(host).to.be.accessible();
  });

  it('updates the visible count on every key, but announces it only after a pause in typing', async () => {
    const { host, field, visible, announced } = await render('');
    expect(announced()).to.equal('Du har 20 tecken kvar');
    field.focus();
    await sendKeys({ type: 'Lampan' });
    await host.updateComplete;
    expect(visible()).to.equal('Du har 14 tecken kvar');
    expect(announced()).to.equal('Du har 20 tecken kvar');
    await sendKeys({ type: ' är' });
    await host.updateComplete;
    await aTimeout(countAnnounceDelay / 2);
    expect(visible()).to.equal('Du har 11 tecken kvar');
    expect(announced()).to.equal('Du har 20 tecken kvar');
    await waitUntil(() => announced() === 'Du har 11 tecken kvar', 'the count was never announced', { timeout: countAnnounceDelay * 3 });
  });

  it('lets the citizen paste too much and says how much too much', async () => {
    const { host, field, state, visible, announced } = await render('');
    field.focus();
    field.value = 'Lampan vid busshållplatsen lyser inte';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await host.updateComplete;
    expect(state.value).to.equal('Lampan vid busshållplatsen lyser inte');
    expect(field.value).to.equal('Lampan vid busshållplatsen lyser inte');
    expect(visible()).to.equal('Du har 17 tecken för mycket');
    expect(host.shadowRoot!.querySelector('.kk-character-count')!.classList.contains('kk-character-count--over')).to.equal(true);
    expect(field.classList.contains('kk-textarea--over')).to.equal(true);
    await waitUntil(() => announced() === 'Du har 17 tecken för mycket', 'the count was never announced', { timeout: countAnnounceDelay * 3 });
    await expect(host).to.be.accessible();
  });

  it('says "1 tecken" at the edges and counts code points, as the gateway does', async () => {
    expect(characterLength('👍🏽')).to.equal(2);
    expect(characterLength('Åsa 😀')).to.equal(5);
    const one = await render('1234567890123456789');
    expect(one.visible()).to.equal('Du har 1 tecken kvar');
    // Four emoji are eight UTF-16 units but four characters.
    const emoji = await render('😀😀😀😀');
    expect(emoji.visible()).to.equal('Du har 16 tecken kvar');
    const over = await render('123456789012345678901');
    expect(over.visible()).to.equal('Du har 1 tecken för mycket');
  });

  it('keeps the form error linked next to the count', async () => {
    const { host, field } = await render('x'.repeat(25), { error: 'Beskrivningen får vara högst 20 tecken' });
    expect(field.getAttribute('aria-describedby')).to.equal('beskrivning-hint beskrivning-error beskrivning-count-info');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    await expect(host).to.be.accessible();
  });

  it('groups thousands in the limit', async () => {
    const { host } = await render('', { count: { max: 4000 } });
    // Raw text: the group separator is a no-break space, which \s would hide.
    const raw = (selector: string) => host.shadowRoot!.querySelector(selector)!.textContent.trim();
    expect(raw('.kk-character-count')).to.equal('Du har 4\u00a0000 tecken kvar');
    expect(raw('#beskrivning-count-info')).to.equal('Du kan skriva upp till 4\u00a0000 tecken');
  });

  it('speaks English, singular and plural', async () => {
    const { host, visible, field } = await render('1234567890123456789', {}, 'en');
    await waitUntil(() => visible() === 'You have 1 character remaining', 'English did not load', { timeout: 5000 });
    expect(text(host.shadowRoot!.getElementById('beskrivning-count-info'))).to.equal('You can enter up to 20 characters');
    field.focus();
    await sendKeys({ type: '12' });
    await host.updateComplete;
    expect(visible()).to.equal('You have 1 character too many');
    await sendKeys({ type: '3' });
    await host.updateComplete;
    expect(visible()).to.equal('You have 2 characters too many');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await host.updateComplete;
    expect(visible()).to.equal('You have 2 characters remaining');
    await expect(host).to.be.accessible();
  });
});
