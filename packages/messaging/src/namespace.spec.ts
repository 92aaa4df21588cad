import { Namespace } from './namespace';

describe('Namespace', () => {
  it('prefixes subjects and stream names, and strips the prefix from received subjects', () => {
    const ns = new Namespace('t8f3a');
    expect(ns.subject('intake.application.submitted.v1')).toBe('t8f3a.intake.application.submitted.v1');
    expect(ns.stream('INTAKE_EVENTS')).toBe('t8f3a_INTAKE_EVENTS');
    expect(ns.logical('t8f3a.intake.application.submitted.v1')).toBe('intake.application.submitted.v1');
    expect(ns.dlqStreamSubjects()).toEqual(['t8f3a.dlq.>']);
  });

  it('changes nothing in production (no namespace)', () => {
    const ns = new Namespace();
    expect(ns.subject('intake.application.submitted.v1')).toBe('intake.application.submitted.v1');
    expect(ns.stream('INTAKE_EVENTS')).toBe('INTAKE_EVENTS');
    expect(ns.logical('intake.application.submitted.v1')).toBe('intake.application.submitted.v1');
    expect(ns.dlqStreamSubjects()).toEqual(['dlq.>']);
    expect(Namespace.dlqLogicalSubject('notify', 'intake.application.submitted.v1')).toBe(
      'dlq.notify.intake.application.submitted.v1',
    );
  });

  it.each(['a.b', 'with space', 'under_score', '>', '*'])('refuses "%s"', (bad) => {
    expect(() => new Namespace(bad)).toThrow();
  });
});
