/** How a criterion's points are written wherever a reader sees them: "+2", "-1", "0". */
export const signedPoints = (p: number): string => (p > 0 ? `+${p}` : String(p));
