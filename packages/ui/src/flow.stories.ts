import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import type { KkFlowDemo } from '../test/flow-demo.js';
import '../test/flow-demo.js';

/**
 * The flow engine: `defineFlow` (one table: conditions, fields, the gateway's fields) run by
 * `FlowController` (history for "Tillbaka", focus on each new heading, "Steg 2 av 4", the return
 * to check answers after "Ändra"). The demo asks for the pole's number only about a street lamp.
 */
const meta: Meta = {
  title: 'ui/Flow engine',
  // States reached by a play function or a mocked gateway need a page each: on the Docs page every story is a frame of its own.
  parameters: { docs: { story: { inline: false, height: '420px' } } },
  render: () => html`<kk-flow-demo></kk-flow-demo>`,
};
export default meta;

type Story = StoryObj;

const demo = async (canvasElement: HTMLElement): Promise<KkFlowDemo> => {
  const element = canvasElement.querySelector<KkFlowDemo>('kk-flow-demo')!;
  await element.updateComplete;
  return element;
};
const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const heading = (element: KkFlowDemo) => text(element.shadowRoot!.querySelector('[data-kk-focus-target]'));
const counter = (element: KkFlowDemo) => text(element.shadowRoot!.querySelector('.kk-step-counter'));

/** Clicks a button of the demo by its text, then waits for the new page. */
async function click(element: KkFlowDemo, name: string): Promise<void> {
  const button = [...element.shadowRoot!.querySelectorAll('button')].find((candidate) => text(candidate) === name);
  await expect(button, `a button "${name}"`).toBeDefined();
  await userEvent.click(button!);
  await element.updateComplete;
}

/** Answers the pages up to check answers, a lamp or graffiti. */
async function toCheck(element: KkFlowDemo, kind: 'lamp' | 'graffiti'): Promise<void> {
  element.kindForm.set('kind', kind);
  await click(element, 'Fortsätt');
  if (kind === 'lamp') {
    element.poleForm.set('pole', '1234');
    await click(element, 'Fortsätt');
  }
  element.descriptionForm.set('description', 'Lyser inte på kvällen');
  await click(element, 'Fortsätt');
}

export const FirstPage: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    await expect(heading(element)).toBe('Vad vill du anmäla?');
    await expect(counter(element)).toBe('Steg 1 av 3');
  },
};

export const ErrorSummary: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    await click(element, 'Fortsätt');
    const summary = element.shadowRoot!.querySelector('[data-kk-error-summary]');
    await expect(element.shadowRoot!.activeElement).toBe(summary);
  },
};

/** The conditional page: only on the path of a street lamp, which makes four steps. */
export const ConditionalPage: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    element.kindForm.set('kind', 'lamp');
    await click(element, 'Fortsätt');
    await expect(heading(element)).toBe('Vilket nummer har stolpen?');
    await expect(counter(element)).toBe('Steg 2 av 4');
  },
};

export const Description: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    element.kindForm.set('kind', 'graffiti');
    await click(element, 'Fortsätt');
    await expect(heading(element)).toBe('Beskriv felet');
    await expect(counter(element)).toBe('Steg 2 av 3');
  },
};

export const CheckAnswers: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    await toCheck(element, 'lamp');
    await expect(heading(element)).toBe('Kontrollera din anmälan');
    await expect(counter(element)).toBe('Steg 4 av 4');
  },
};

/** The gateway refused the pole's number: its page, with the error, then back to check answers. */
export const GatewayFieldError: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    await toCheck(element, 'lamp');
    element.reject = { field: 'attribute[pole]', message: 'Det finns ingen stolpe med det numret' };
    await click(element, 'Skicka anmälan');
    await expect(heading(element)).toBe('Vilket nummer har stolpen?');
    await expect(element.shadowRoot!.activeElement).toBe(element.shadowRoot!.querySelector('[data-kk-error-summary]'));
  },
};

export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    await toCheck(element, 'graffiti');
    await click(element, 'Skicka anmälan');
    await expect(heading(element)).toBe('Tack för din anmälan');
    await expect(element.shadowRoot!.querySelector('.kk-back-link')).toBeNull();
  },
};

/** The whole flow: graffiti, "Ändra" to a lamp (the pole's page comes first), send, start over. */
export const WalkThrough: Story = {
  play: async ({ canvasElement }) => {
    const element = await demo(canvasElement);
    await toCheck(element, 'graffiti');
    await expect(counter(element)).toBe('Steg 3 av 3');

    await click(element, 'Ändra Typ av fel');
    await expect(heading(element)).toBe('Vad vill du anmäla?');
    element.kindForm.set('kind', 'lamp');
    await click(element, 'Fortsätt');
    await expect(heading(element)).toBe('Vilket nummer har stolpen?');
    element.poleForm.set('pole', '4711');
    await click(element, 'Fortsätt');
    await expect(heading(element)).toBe('Kontrollera din anmälan');
    await expect(counter(element)).toBe('Steg 4 av 4');

    await click(element, 'Ändra Beskrivning');
    await click(element, 'Tillbaka');
    await expect(heading(element)).toBe('Kontrollera din anmälan');

    await click(element, 'Skicka anmälan');
    await expect(heading(element)).toBe('Tack för din anmälan');
    await click(element, 'Gör en ny anmälan');
    await expect(heading(element)).toBe('Vad vill du anmäla?');
    await expect(element.shadowRoot!.activeElement).toBe(element.shadowRoot!.querySelector('[data-kk-focus-target]'));
  },
};

export const HeadingLevelThree: Story = { render: () => html`<kk-flow-demo heading-level="3"></kk-flow-demo>` };
