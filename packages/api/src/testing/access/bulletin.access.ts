import { OFFICE, READERS, type Expect } from './expect';

// The bulletin and the meeting's presentation: city-wide readers see them (not a liaison);
// only the office writes the wording.
export const bulletinAccess: Record<string, Expect> = {
  'bulletin.periods': READERS,
  'bulletin.get': READERS,
  'bulletin.save': OFFICE,
  'bulletin.exportDocx': READERS,
  'bulletin.exportXlsx': READERS,
};
