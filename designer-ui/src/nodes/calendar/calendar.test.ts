import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { calendar, calendarSummary } from '.';

const weekdays = ['08:00-18:00'];
const newYork = {
  calendar: {
    timeZone: 'America/New_York',
    weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: ['09:00-13:00'], sun: [] },
    exceptions: [
      { date: '2026-11-27', hours: [], label: 'Day after Thanksgiving' },
      { from: '2026-12-24', to: '2026-12-24', hours: ['08:00-12:00'], label: 'Christmas Eve' },
    ],
    holidays: { country: 'US' },
  },
};

describe('calendar', () => {
  it('shouldListTheNamedRangesThenOpenClosedHolidayAndError', () => {
    // given an inline calendar with two named ranges
    const settings = { calendar: { timeZone: 'UTC', ranges: [{ name: 'lunch', times: ['12:00-13:00'] }, { name: 'night' }] } };
    // when the exits are listed
    // then the ranges, each required, come first (a range wins over the weekly hours), then the fixed exits
    expect(calendar.exits(settings, fixedOf('calendar'))).toEqual([
      { name: 'lunch', required: true },
      { name: 'night', required: true },
      { name: 'open', required: true },
      { name: 'closed', required: true },
      { name: 'holiday', required: false, otherwise: 'closed' },
      { name: 'error', required: false },
    ]);
  });

  it('shouldShowOnlyTheFixedExitsOfASharedCalendar', () => {
    // given a calendar shared through the environment, whose ranges the designer cannot know
    const exits = calendar.exits({ ref: 'office-hours' }, fixedOf('calendar'));
    // then the fixed exits only
    expect(exits.map((e) => e.name)).toEqual(['open', 'closed', 'holiday', 'error']);
  });

  it('shouldSummariseTheZoneAndTodaysHours', () => {
    // given a Wednesday afternoon in New York
    const now = new Date('2026-07-15T18:00:00Z');
    // when the card is drawn
    // then it tells the zone, the day's hours there, and the holiday country
    expect(calendarSummary(newYork, now)).toEqual(['America/New_York', 'today 08:00-18:00', 'holidays US']);
  });

  it('shouldTellTodayInTheCalendarsZoneNotTheBrowsers', () => {
    // given 03:00 UTC on a Sunday, still Saturday evening in New York
    const now = new Date('2026-07-19T03:00:00Z');
    // then the card shows Saturday's hours
    expect(calendarSummary(newYork, now)[1]).toBe('today 09:00-13:00');
  });

  it('shouldShowADatedExceptionInsteadOfTheWeeklyHours', () => {
    // given the day after Thanksgiving (closed) and Christmas Eve (a span of one day, early close)
    // then the card shows the exception's hours and label
    expect(calendarSummary(newYork, new Date('2026-11-27T15:00:00Z'))[1]).toBe('today closed (Day after Thanksgiving)');
    expect(calendarSummary(newYork, new Date('2026-12-24T15:00:00Z'))[1]).toBe('today 08:00-12:00 (Christmas Eve)');
  });

  it('shouldCountTheRangesAndShowTheHolidayRegion', () => {
    // given a calendar with a holiday region and ranges
    const settings = { calendar: { timeZone: 'Europe/Berlin', holidays: { country: 'DE', region: 'by' }, ranges: [{ name: 'a' }, { name: 'b' }] } };
    // then the third line says both
    expect(calendarSummary(settings, new Date('2026-07-15T10:00:00Z'))).toEqual(['Europe/Berlin', 'today closed', 'holidays DE/by · 2 ranges']);
  });

  it('shouldNotFailOnAZoneTheBrowserDoesNotKnow', () => {
    // given a time zone being typed
    const summary = calendarSummary({ calendar: { timeZone: 'Europe/Pari' } }, new Date());
    // then the card says so instead of failing
    expect(summary).toEqual(['Europe/Pari', 'unknown time zone']);
  });

  it('shouldNameASharedCalendar', () => {
    expect(calendar.summary({ ref: 'office-hours' })).toEqual(['shared calendar office-hours']);
    expect(calendar.summary({})).toEqual(['no calendar']);
    expect(calendar.summary({ calendar: {} })).toEqual(['no time zone']);
  });

  it('shouldDropACalendarOpenOnWeekdaysNineToFive', () => {
    // given a calendar just dropped
    const settings = calendar.initialSettings();
    // then it is open on a Monday at noon in its zone, and closed on Sunday
    const zone = (settings.calendar as { timeZone: string }).timeZone;
    expect(zone).toMatch(/^[A-Za-z]/);
    const week = (settings.calendar as { weekly: Record<string, string[]> }).weekly;
    expect(week.mon).toEqual(['09:00-17:00']);
    expect(week.sun).toEqual([]);
  });
});
