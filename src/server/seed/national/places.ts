import { MAINLAND_PROVINCES, type Prefecture, prefecturesOf } from '../../../lib/china/gbt2260';
import type { Rng } from './random';

/**
 * Relative industrial weight of each province: roughly its count of above-scale industrial enterprises (规模以上工业
 * 企业, thousands, NBS yearbook order of magnitude). Only the shape matters: Guangdong, Jiangsu, Zhejiang and
 * Shandong large, Tibet, Qinghai, Ningxia and Hainan small.
 */
export const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  '110000': 3.3,
  '120000': 5.5,
  '130000': 17,
  '140000': 7,
  '150000': 4,
  '210000': 9,
  '220000': 3.3,
  '230000': 4.5,
  '310000': 9,
  '320000': 60,
  '330000': 58,
  '340000': 22,
  '350000': 21,
  '360000': 17,
  '370000': 37,
  '410000': 24,
  '420000': 19,
  '430000': 20,
  '440000': 72,
  '450000': 8,
  '460000': 0.8,
  '500000': 7.6,
  '510000': 17,
  '520000': 4.8,
  '530000': 5,
  '540000': 0.2,
  '610000': 8,
  '620000': 2.5,
  '630000': 0.7,
  '640000': 1.5,
  '650000': 4.3,
};

// Prefectures with far more industry than the province's other cities (manufacturing hubs).
const HUBS: Readonly<Record<string, number>> = {
  '440300': 6,
  '441900': 5,
  '440600': 5,
  '440100': 4,
  '441300': 2,
  '442000': 2,
  '320500': 6,
  '320200': 4,
  '320100': 3,
  '320400': 2.5,
  '330200': 4,
  '330100': 4,
  '330300': 3,
  '330600': 2.5,
  '370200': 3,
  '370100': 2.5,
  '370600': 2,
  '350200': 2.5,
  '350500': 3,
  '350100': 2,
  '510100': 5,
  '420100': 5,
  '430100': 4,
  '410100': 4,
  '340100': 4,
  '610100': 5,
  '210200': 3,
  '210100': 3,
};

/** A province's short name (广东, 内蒙古, 新疆) as company names use it. */
export const shortName = (name: string) => name.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '');

const PREFECTURE_WEIGHT: Record<Prefecture['kind'], number> = {
  'prefecture-city': 1,
  'municipal-districts': 1,
  'municipal-counties': 0.25,
  prefecture: 0.3,
  'autonomous-prefecture': 0.3,
  league: 0.3,
  'province-administered': 0.2,
};

/** A province's prefectures with their industrial weights (the capital, listed first, weighs more). */
function weightedPrefectures(provinceCode: string) {
  const list = prefecturesOf(provinceCode);
  return {
    list,
    weights: list.map((p, i) => HUBS[p.code] ?? PREFECTURE_WEIGHT[p.kind] * (i === 0 ? 2.5 : 1)),
  };
}

const cache = new Map<string, ReturnType<typeof weightedPrefectures>>();

/** A prefecture of the province, weighted by industry. */
export function pickCity(rng: Rng, provinceCode: string): Prefecture {
  let w = cache.get(provinceCode);
  if (!w) {
    w = weightedPrefectures(provinceCode);
    cache.set(provinceCode, w);
  }
  return rng.weightedOf(w.list, w.weights);
}

/** How a company in the prefecture names its place: the city (佛山市) or the province (广东). */
export function placeName(rng: Rng, city: Prefecture, provinceName: string) {
  if (city.kind === 'prefecture-city' && rng.chance(0.6)) return city.name;
  return shortName(provinceName);
}

// The usual name of each municipality's industry regulator; provinces use 工业和信息化厅.
const MUNICIPAL_REGULATORS: Readonly<Record<string, string>> = {
  '110000': '北京市经济和信息化局',
  '120000': '天津市工业和信息化局',
  '310000': '上海市经济和信息化委员会',
  '500000': '重庆市经济和信息化委员会',
};

/** The provincial industry-and-IT regulator's name. */
export const regulatorName = (provinceCode: string, provinceName: string) =>
  MUNICIPAL_REGULATORS[provinceCode] ?? `${provinceName}工业和信息化厅`;

/** The 31 mainland provinces the programme covers. */
export const PROVINCES = MAINLAND_PROVINCES;
