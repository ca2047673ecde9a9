import { formatDecimals, isPercentFormat } from '../../src/engine/numbers';

describe('number formats are remembered', () => {
  it('remembers formats without changing what they say', () => {
    for (let k = 0; k < 2; k++) {
      expect(formatDecimals('0.0')).toBe(1);
      expect(formatDecimals('#,##0')).toBe(0);
      expect(formatDecimals('General')).toBeUndefined();
      expect(isPercentFormat('0.0%')).toBe(true);
      expect(isPercentFormat('0.0')).toBe(false);
    }
  });
});
