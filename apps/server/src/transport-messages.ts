// Errors raised by the HTTP transport itself (body too large, not JSON, too many calls in a batch,
// unknown path…) carry English messages from tRPC. Users see Chinese: any such message is replaced
// by the Chinese one for its code. Messages already in Chinese (all of ours) are kept.
import type { TRPCError } from '@trpc/server';

const HAS_CHINESE = /[\u4e00-\u9fff]/u;

export function chineseTransportMessage(error: TRPCError, limits: { maxBodyMb: number; maxBatchSize: number }): string | null {
  if (HAS_CHINESE.test(error.message)) return null;
  if (/Batch call exceeds maximum size/i.test(error.message)) return `一次合并发送的请求过多(上限 ${limits.maxBatchSize} 个),请减少后重试`;
  if (/content-type/i.test(error.message)) return '请求格式不受支持:接口只接受 JSON';
  if (/JSON|Unexpected (end|token)/i.test(error.message) || error.cause instanceof SyntaxError) return '请求内容不是有效的 JSON';
  switch (error.code) {
    case 'PAYLOAD_TOO_LARGE':
      return `请求内容过大(上限约 ${limits.maxBodyMb} MB),请压缩文件或分批上传`;
    case 'PARSE_ERROR':
      return '请求内容无法解析';
    case 'NOT_FOUND':
      return '请求的接口不存在';
    case 'METHOD_NOT_SUPPORTED':
      return '请求方法不受支持';
    case 'BAD_REQUEST':
      return '请求无效';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return '请求格式不受支持';
    case 'TIMEOUT':
      return '处理超时,请稍后重试';
    case 'TOO_MANY_REQUESTS':
      return '请求过于频繁,请稍后再试';
    case 'CLIENT_CLOSED_REQUEST':
      return '请求已取消';
    default:
      return null; // INTERNAL_SERVER_ERROR is worded by the error formatter; others are ours
  }
}
