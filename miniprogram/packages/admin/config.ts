/**
 * 订阅消息模板 ID of the new-enquiry alert to staff (微信公众平台 → 订阅消息), the same template
 * the functions send with (`SUBSCRIBE_TEMPLATE_ENQUIRY`). Empty until one is approved: the staff
 * home page then says alerts are unavailable instead of asking.
 */
export const SUBSCRIBE_TEMPLATE_ENQUIRY = '';
