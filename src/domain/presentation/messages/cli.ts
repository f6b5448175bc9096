/** Every word the command line prints for people (help, tables, summaries, notices of what it did), in Korean and English. */

export const ko = {
  // check and notice: a version's own revision article against the ledger
  'revision.effectiveDate.stored': '변경 조문의 시행일은 {stated}이지만 {history}에는 {expected}로 기록되어 있습니다. 어느 쪽이 맞는지 확인하십시오.',
  'revision.effectiveDate.planned': '변경 조문은 {stated}부터 적용된다고 하지만 이 판은 {expected}부터 시행됩니다. 변경 조문의 시행일을 {expected}로 고치십시오.',
  'revision.effectiveDate.undated': '변경 조문에 시행일이 날짜로 적혀 있지 않지만 이 판은 {expected}부터 시행됩니다. 시행일을 날짜로 적으십시오.',
  'revision.endDate': '변경 조문의 "{line}"에 따르면 이 판은 {stated}까지 적용되었지만, {history}에는 {expected}까지로 기록되어 있습니다{next}.',
  'revision.endDate.next': ' (다음 판이 {start}부터 시행)',
  'revision.endDate.fix': ' 장부대로라면 "{suggestion}"입니다.',
  'revision.missingVersion': '{history}에 있는 이전 판({from} ~ {until})이 변경 조문의 이전 방침 목록에 없습니다.',
  'revision.missingVersion.fix': ' 목록에 "{suggestion}"을(를) 넣으십시오.',
  'revision.unknownStart': '시작일 미상',
  'revision.unknownPeriod': '변경 조문의 "{line}": {history}에 이 날짜의 판이 없습니다. 날짜를 확인하고, 틀렸으면 이 줄을 고치거나 빼십시오.',
  'revision.history': '장부(history/{slug}.yaml)',
  'revision.corrected': '장부와 맞춘 변경 조문:',
  'notice.revisionNote': 'bangchim: 참고(담당자용, 공개 문안에는 넣지 않음): {message}',
  'notice.revisionCorrected': '  장부와 맞춘 변경 조문(제안):',
} as const;

export const en: Record<keyof typeof ko, string> = {
  // check and notice: a version's own revision article against the ledger
  'revision.effectiveDate.stored': 'the revision article says it takes effect on {stated}, but {history} records {expected}. Check which is right.',
  'revision.effectiveDate.planned': 'the revision article says it applies from {stated}, but this version takes effect on {expected}. Change the revision article\'s date to {expected}.',
  'revision.effectiveDate.undated': 'the revision article states no effective date, but this version takes effect on {expected}. Write the date.',
  'revision.endDate': 'the revision article\'s "{line}" says this version applied until {stated}, but {history} records {expected}{next}.',
  'revision.endDate.next': ' (the next version took effect on {start})',
  'revision.endDate.fix': ' By the ledger it reads "{suggestion}".',
  'revision.missingVersion': 'the earlier version in {history} ({from} ~ {until}) is missing from the revision article\'s list of earlier versions.',
  'revision.missingVersion.fix': ' Add "{suggestion}" to the list.',
  'revision.unknownStart': 'start not stated',
  'revision.unknownPeriod': 'the revision article\'s "{line}": {history} has no version of that date. Check the date; if it is wrong, correct or remove the line.',
  'revision.history': 'the ledger (history/{slug}.yaml)',
  'revision.corrected': 'The revision article matching the ledger:',
  'notice.revisionNote': 'bangchim: note (for the officer, not part of the public text): {message}',
  'notice.revisionCorrected': '  The revision article matching the ledger (suggested):',
};
