/**
 * The app's typed errors: each carries the data a shell needs to say what to do in its own terms
 * (the CLI names its flags, src/cli/wording.ts); the message and hint here name none.
 */
import { dirname } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { inert } from '../domain/presentation/inert.js';
import type { ResolvedVersion } from '../store/refs.js';

/** The date given for the version is not a calendar date. */
export class InvalidEffectiveDateError extends UsageError {
  constructor(readonly given: string) {
    super(`${given} is not a date YYYY-MM-DD`, { hint: 'write it like 2020-07-17' });
  }
}

/** The document states no effective date and none was given. */
export class EffectiveDateMissingError extends UsageError {
  constructor(
    readonly slug: string,
    readonly file: string,
    /** The page's sentence about when it applies, if it has one ("게시일부터 적용됩니다"). */
    readonly sentence: string | undefined,
  ) {
    super(`${file} does not state when it takes effect${sentence ? `: it says "${sentence}"` : ''}`, { where: file, hint: 'give the date it took effect' });
  }
}

/** The document states only the month it takes effect (2022. 9.), and no day was given. */
export class EffectiveDayMissingError extends UsageError {
  constructor(
    readonly slug: string,
    readonly file: string,
    /** YYYY-MM */
    readonly month: string,
  ) {
    const [year, monthNumber] = month.split('-').map(Number);
    super(`${file}은(는) ${year}년 ${monthNumber}월부터 시행된다고만 적고 시행일(날짜)은 적지 않았습니다`, {
      where: file,
      hint: `시행일을 --effective YYYY-MM-DD로 주세요: bangchim import ${slug} ${file} --effective ${month}-DD`,
    });
  }
}

/** A new city whose text does not name it, and no name was given. */
export class CityNameMissingError extends UsageError {
  constructor(readonly slug: string) {
    super(`the document does not name its city`, { hint: `give its display name (like 고양특례시)` });
  }
}

/** The new version is another city's. */
export class OtherCityError extends UsageError {
  constructor(
    readonly version: ResolvedVersion,
    readonly city: string,
    /** The reference as given. */
    readonly ref: string,
  ) {
    super(`${version.label} is ${version.version.city}'s policy (${version.slug}), not ${city}'s`, { where: ref, hint: `give a version or a draft of ${city}'s policy` });
  }
}

/** No date for the notice: the new version states none after the version in force, and none was given. */
export class NoticeDateMissingError extends UsageError {
  constructor(
    readonly label: string,
    readonly from: string | null,
    /** The reference as given. */
    readonly ref: string,
  ) {
    super(`${label} does not state a date after the version in force${from ? ` (${from})` : ''}`, { where: ref, hint: 'give the date the new version takes effect' });
  }
}

/** A notice file cannot be written where asked: its directory does not exist. */
export class NoDirectoryError extends UsageError {
  constructor(readonly file: string) {
    super(`cannot write ${file}: the directory ${dirname(file)} does not exist`, { where: file, hint: 'create the directory first, or give another path' });
  }
}

/** A field that goes into the archive's commit and tag messages (the city's name, the page's address) holds a control character or a line break. */
export class UnsafeFieldError extends UsageError {
  constructor(
    readonly field: 'name' | 'url',
    readonly given: string,
  ) {
    const what = field === 'name' ? '도시 이름' : '출처 주소';
    super(`${what} "${inert(given, 'terminal', { singleLine: true })}"에 제어 문자나 줄바꿈이 들어 있습니다: 보관 기록(커밋·태그 메시지)에 그대로 쓸 수 없습니다`, {
      where: field,
      hint: `${what}을(를) 보이는 글자 한 줄로 다시 주세요`,
    });
  }
}

/** A notice would overwrite a file already there, and overwriting was not asked for. */
export class NoticeFileExistsError extends UsageError {
  constructor(readonly file: string) {
    super(`${file} 파일이 이미 있습니다: 덮어쓰지 않았습니다`, { where: file, hint: '다른 경로를 주거나, 덮어써도 되면 그렇게 하라고 지정하세요' });
  }
}

/** A notice may not be written there: inside .git, over the store's own files, or through a symlink. */
export class NoticeTargetRefusedError extends UsageError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}에는 공고문을 쓰지 않습니다 (${reason})`, { where: file, hint: '저장소의 .git과 policies/·history/·sources/·bangchim.yaml 밖의 일반 파일 경로를 주세요' });
  }
}

/** The text names another body than the one it is filed under. */
export class CityMismatchError extends UsageError {
  constructor(
    readonly slug: string,
    /** The body's name in the store. */
    readonly stored: string,
    /** The name the text gives. */
    readonly named: string,
  ) {
    super(`이 문서는 ${named}의 방침인데 ${stored}(${slug})에 넣으려 했습니다; 아무것도 바꾸지 않았습니다`, {
      where: slug,
      hint: `${named}의 방침이면 그 기관의 슬러그로 다시 하세요; ${stored}이(가) ${named}(으)로 이름을 바꾼 것이면 새 이름을 주세요`,
    });
  }
}

/** Publishing a draft the law's check finds wanting, without the officer's confirmation. */
export class FindingsNotAcceptedError extends UsageError {
  constructor(
    readonly slug: string,
    readonly findings: string[],
  ) {
    super(`${slug}#draft에 법·시행령이 요구하는 사항의 지적이 ${findings.length}건 있어 게시(publish)하지 않았습니다`, {
      where: `${slug}#draft`,
      details: findings,
      hint: '초안을 고쳐 다시 저장하거나, 지적을 확인하고 그대로 게시하겠다고 확인해 주세요',
    });
  }
}

/** Publishing a draft whose effective date is neither stated nor given. */
export class PublishDateMissingError extends UsageError {
  constructor(readonly slug: string) {
    super(`${slug}#draft에 시행일이 없어 게시하지 않았습니다`, { where: `${slug}#draft`, hint: '시행일(YYYY-MM-DD)을 주세요' });
  }
}

/** The body has no draft. */
export class NoDraftError extends UsageError {
  constructor(readonly slug: string) {
    super(`${slug}에는 초안이 없습니다`, { where: `${slug}#draft` });
  }
}
