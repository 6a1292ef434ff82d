import { createCallOrder } from './call-order';

/** A background call the test answers by hand. */
function manual() {
  const sent: string[] = [];
  const answers = new Map<string, { resolve(v: string): void; reject(e: Error): void }>();
  const send = (name: string) => () =>
    new Promise<string>((resolve, reject) => {
      sent.push(name);
      answers.set(name, { resolve, reject });
    });
  return { sent, answers, send };
}

describe('call order', () => {
  it('sends background calls at once, without waiting for earlier answers', async () => {
    const order = createCallOrder();
    const { sent, answers, send } = manual();
    const a = order.background(send('a'));
    const b = order.background(send('b'));
    expect(sent).toEqual(['a', 'b']);
    answers.get('a')?.resolve('A');
    answers.get('b')?.reject(new Error('no b'));
    await expect(a).resolves.toBe('A');
    await expect(b).rejects.toThrow('no b');
  });

  it('runs a foreground call after every earlier call, and sends later ones after it', async () => {
    const order = createCallOrder();
    const { sent, answers, send } = manual();
    const log: string[] = [];
    const a = order.background(send('a'));
    const read = order.foreground(() => {
      log.push(`read after ${sent.join(',')}`);
      return 'R';
    });
    const b = order.background(send('b'));
    expect(sent).toEqual(['a']);
    expect(log).toEqual([]);
    answers.get('a')?.reject(new Error('no a'));
    await expect(a).rejects.toThrow('no a');
    await expect(read).resolves.toBe('R');
    expect(log).toEqual(['read after a']);
    expect(sent).toEqual(['a', 'b']);
    answers.get('b')?.resolve('B');
    await expect(b).resolves.toBe('B');
  });

  it('runs a foreground call at once when nothing is pending, and turns throws into rejections', async () => {
    const order = createCallOrder();
    let ran = false;
    const done = order.foreground(() => (ran = true));
    expect(ran).toBe(true);
    await expect(done).resolves.toBe(true);
    await expect(
      order.foreground(() => {
        throw new Error('read failed');
      }),
    ).rejects.toThrow('read failed');
    await expect(
      order.background(() => {
        throw new Error('send failed');
      }),
    ).rejects.toThrow('send failed');
    await expect(order.foreground(() => 'still serving')).resolves.toBe('still serving');
  });
});
