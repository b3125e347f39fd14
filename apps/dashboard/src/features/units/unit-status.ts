// Whether a unit is 在册 on a China date. validTo is the 撤销日期: from that day on the unit is
// 已撤销 (a unit retired today is no longer 在册), so it is active only while today < validTo.
export function isUnitActiveOn(validTo: string | null, today: string): boolean {
  return validTo === null || today < validTo;
}
