/**
 * Deployment settings of the mini program: the one place to set the CloudBase environment ID
 * (see README 上线指南) and the subscription-message template IDs from 微信公众平台.
 */
export const CLOUD_ENV_ID = 'central-denmark-region-prod';

/** 订阅消息模板 ID: news updates for readers. */
export const SUBSCRIBE_TEMPLATE_NEWS = '';

/**
 * 订阅消息模板 ID: the new-enquiry alert to staff, the same template the functions send with
 * (`SUBSCRIBE_TEMPLATE_ENQUIRY`). Empty until one is approved: the staff home page then says alerts
 * are unavailable instead of asking.
 */
export const SUBSCRIBE_TEMPLATE_ENQUIRY = '';

/**
 * 订阅消息模板 ID: the office's reply to a partner's enquiry, the template the functions send replies
 * with (their `SUBSCRIBE_TEMPLATE_REPLY`). Until one is approved this is the local cloud's stand-in,
 * so the preview and the local cloud run the whole loop; the upload plan refuses to upload while it
 * differs from the deployment's `SUBSCRIBE_TEMPLATE_REPLY`. Empty: the enquiry pages say reply
 * notifications are unavailable instead of asking.
 */
export const SUBSCRIBE_TEMPLATE_REPLY = 'local-reply-template';
