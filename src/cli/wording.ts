/**
 * The app and the store raise typed errors that name no command-line flag; here they are worded for
 * the command line: which flag to give, which command to run.
 */
import { CityMismatchError, CityNameMissingError, EffectiveDateMissingError, FindingsNotAcceptedError, InvalidEffectiveDateError, NoDirectoryError, NoDraftError, NoticeDateMissingError, NoticeFileExistsError, NoticeTargetRefusedError, OtherCityError, PublishDateMissingError, UnsafeFieldError } from '../app/errors.js';
import type { BangchimError } from '../domain/errors.js';
import { SampleStoreWriteError } from '../app/session.js';
import { ChainCheckError } from '../store/history.js';
import { UnknownCityError } from '../store/reads.js';
import { ArchivedOtherTextError, NotAStoreError } from '../store/store.js';
import { RemoteNameError } from '../store/sync.js';

/** A copy of `error` (same class, exit code and details) with another message, place or hint. */
function reworded<E extends BangchimError>(error: E, changes: { message?: string; where?: string; hint?: string }): E {
  const copy = Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as E;
  for (const [key, value] of Object.entries(changes)) Object.defineProperty(copy, key, { value, enumerable: key !== 'message', configurable: true, writable: false });
  return copy;
}

/** `error` in command-line terms; anything not worded here is returned as it is. */
export function inCliTerms(error: unknown): unknown {
  if (error instanceof InvalidEffectiveDateError) return reworded(error, { message: `--effective ${error.given} is not a date YYYY-MM-DD`, hint: 'write it like --effective 2020-07-17' });
  if (error instanceof EffectiveDateMissingError) return reworded(error, { hint: `give the date it took effect: bangchim import ${error.slug} ${error.file} --effective YYYY-MM-DD` });
  if (error instanceof CityNameMissingError) return reworded(error, { hint: 'give its display name: --name 고양특례시' });
  if (error instanceof SampleStoreWriteError) return reworded(error, { hint: '저장소 안에서 실행하거나 --store 디렉터리를 주세요; 새 저장소는 `bangchim init 디렉터리`로 만듭니다' });
  if (error instanceof CityMismatchError) return reworded(error, { hint: `${error.named}의 방침이면 그 슬러그로 다시 하세요 (\`bangchim list\`); ${error.stored}의 새 이름이면 --name ${error.named}` });
  if (error instanceof FindingsNotAcceptedError) return reworded(error, { hint: `초안을 고쳐 \`bangchim draft ${error.slug} 파일\`로 다시 저장하거나, 확인했으면 --accept-findings를 붙여 게시하세요` });
  if (error instanceof PublishDateMissingError) return reworded(error, { hint: `시행일을 주세요: bangchim publish ${error.slug} --effective YYYY-MM-DD` });
  if (error instanceof NoDraftError) return reworded(error, { hint: `초안을 만들려면: bangchim draft ${error.slug} 파일` });
  if (error instanceof ArchivedOtherTextError) {
    return reworded(error, { hint: `if this text took effect on another day, import it with that --effective date; bangchim never overwrites an archived version (compare them with \`bangchim diff ${error.archived.tag} ${error.file}\`)` });
  }
  if (error instanceof NotAStoreError) return reworded(error, { hint: `create one with \`bangchim init ${error.dir}\`, or give --store DIR` });
  if (error instanceof OtherCityError) return reworded(error, { hint: `run \`bangchim notice ${error.version.slug} …\`, or give a draft of ${error.city}'s policy` });
  if (error instanceof NoticeDateMissingError) return reworded(error, { hint: 'pass the date the new version takes effect with --effective YYYY-MM-DD' });
  if (error instanceof NoticeFileExistsError) return reworded(error, { where: `--out ${error.file}`, hint: '다른 --out 경로를 주거나, 덮어쓰려면 --force를 붙이세요' });
  if (error instanceof NoticeTargetRefusedError) return reworded(error, { where: `--out ${error.file}` });
  if (error instanceof NoDirectoryError) return reworded(error, { where: `--out ${error.file}` });
  if (error instanceof UnsafeFieldError) return reworded(error, { where: error.field === 'name' ? '--name' : '--source' });
  if (error instanceof RemoteNameError) return reworded(error, { where: `--remote ${error.remote}` });
  if (error instanceof UnknownCityError && error.known.length === 0) return reworded(error, { hint: 'the store is empty; add a city with `bangchim import CITY FILE --effective YYYY-MM-DD`' });
  if (error instanceof ChainCheckError) return reworded(error, { hint: 'report this with the store attached; run again with --debug' });
  return error;
}
