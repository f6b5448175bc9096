/** Every error message and hint the domain, the store and the app raise, in Korean and English. */

export const ko = {
  // 기관 정보 (bangchim.yaml offices:, store/config.ts)
  'err.office.notText': '글자로 적어야 합니다',
  'err.office.empty': '비어 있습니다: 값을 적거나 이 줄을 지우세요',
  'err.office.oneLine': '한 줄, {max}자 이내로 적어야 합니다',
  'err.office.url': 'http:// 또는 https://로 시작하는 주소가 아닙니다 (예: https://www.goyang.go.kr/www/privacy.do)',
  'err.office.email': '전자우편 주소가 아닙니다 (예: privacy@goyang.go.kr)',
  'err.office.phone': '전화번호가 아닙니다 (예: 031-8075-2593)',
  'err.office.notMap': 'bangchim.yaml은 "키: 값" 목록이어야 합니다',
  'err.office.unknownKey': '알 수 없는 키입니다 (쓸 수 있는 키: {keys})',
  'err.office.officesNotMap': 'offices는 기관 약칭(slug)별 목록이어야 합니다',
  'err.office.slug': '기관 약칭(slug)은 영문 소문자, 숫자, 하이픈으로 적습니다 (예: goyang)',
  'err.office.entryNotMap': '기관 정보는 name, department, phone, email, url을 "키: 값"으로 적은 목록이어야 합니다',
  'err.office.unknownField': '알 수 없는 항목입니다 (쓸 수 있는 항목: {fields})',
  'err.office.invalid': '{file}의 기관 정보가 올바르지 않습니다',
  'err.office.invalidHint': '위에 적힌 줄과 항목을 고치세요 (경로는 YAML 경로입니다: offices.goyang.phone). `bangchim office 기관 --phone …`으로 다시 적을 수도 있습니다',
  'err.office.unreadable': '{file}을(를) 읽을 수 없습니다: {reason}',
  'err.office.badOption': '--{field}의 값이 올바르지 않습니다: {problem}',
  'err.office.badOptionHint': '--{field}에 올바른 값을 주세요; 지우려면 --{field} ""',
  'err.office.noMarker': '저장소의 마지막 커밋에 {file}이(가) 없습니다',
  'err.office.detached': '저장소의 HEAD가 브랜치에 있지 않아 기관 정보를 적지 않았습니다',
} as const;

export const en: Record<keyof typeof ko, string> = {
  // 기관 정보 (bangchim.yaml offices:, store/config.ts)
  'err.office.notText': 'must be text',
  'err.office.empty': 'is empty: give a value or remove the line',
  'err.office.oneLine': 'must be one line of at most {max} characters',
  'err.office.url': 'is not an address starting with http:// or https:// (e.g. https://www.goyang.go.kr/www/privacy.do)',
  'err.office.email': 'is not an e-mail address (e.g. privacy@goyang.go.kr)',
  'err.office.phone': 'is not a phone number (e.g. 031-8075-2593)',
  'err.office.notMap': 'bangchim.yaml must be a list of "key: value"',
  'err.office.unknownKey': 'unknown key (known keys: {keys})',
  'err.office.officesNotMap': 'offices must list each body by its slug',
  'err.office.slug': 'a slug is lowercase ascii letters, digits and hyphens (e.g. goyang)',
  'err.office.entryNotMap': 'a body\'s office details are "key: value" lines of name, department, phone, email, url',
  'err.office.unknownField': 'unknown field (known fields: {fields})',
  'err.office.invalid': 'the office details in {file} are not valid',
  'err.office.invalidHint': 'fix the lines and fields named above (paths are YAML paths: offices.goyang.phone), or set them again with `bangchim office CITY --phone …`',
  'err.office.unreadable': 'cannot read {file}: {reason}',
  'err.office.badOption': '--{field} is not valid: {problem}',
  'err.office.badOptionHint': 'give --{field} a valid value; to remove it, --{field} ""',
  'err.office.noMarker': 'the store\'s last commit has no {file}',
  'err.office.detached': 'the store\'s HEAD is not on a branch: the office details were not written',
};
