// The words of a diagnosis that come from the code tables and the reason
// registry: the explanation's sentences (in the JSON too) and the titles the
// text view shows, looked up once here so that render looks nothing up.
import type { DiagnosisTitles, ReasonId } from '../types';
import { lookupReplyCode } from '../smtp/reply-codes';
import { lookupStatus, type StatusInfo } from '../smtp/status-codes';
import { reasonRule } from '../reasons';

/** An enhanced status code described digit by digit, then as a whole. */
function statusSentence(info: StatusInfo): string {
  return `${info.class.digit}: ${info.class.title.toLowerCase()}; ${info.subject.digit}: ${info.subject.title.toLowerCase()}. ${info.summary}`;
}

export interface Described {
  /** The explanation's sentences for the codes and the reason. */
  reply: string;
  status: string;
  reason: string;
  titles: DiagnosisTitles;
}

/** What the tables say of the codes and the reason, as sentences and as titles. */
export function describeCodes(replyCode: number | null, status: string | null, reason: ReasonId): Described {
  const replyInfo = replyCode === null ? null : lookupReplyCode(replyCode);
  const statusInfo = status === null ? null : lookupStatus(status);
  const rule = reasonRule(reason);
  return {
    reply: replyInfo === null ? '' : `${replyInfo.title}. ${replyInfo.meaning}`,
    status: statusInfo === null ? '' : statusSentence(statusInfo),
    reason: rule.explanation,
    titles: {
      reason: rule.title,
      reply: replyInfo === null ? null : { title: replyInfo.title, known: replyInfo.known, meaning: replyInfo.meaning },
      status:
        statusInfo === null
          ? null
          : {
              classDigit: statusInfo.class.digit,
              classTitle: statusInfo.class.title,
              subjectDigit: statusInfo.subject.digit,
              subjectTitle: statusInfo.subject.title,
              detailTitle: statusInfo.detail?.title ?? null,
              summary: statusInfo.summary,
            },
    },
  };
}
