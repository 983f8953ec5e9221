import { createBrowserRouter, type RouteObject } from 'react-router';
import { CartPage } from '@/features/cart/CartPage';
import { HomePage } from '@/features/catalog/HomePage';
import { ProductPage } from '@/features/catalog/ProductPage';
import { SearchPage } from '@/features/catalog/SearchPage';
import { ErrorPage } from './ErrorPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { signedIn } from './signedIn';

// Browsing is in the first bundle; forms (react-hook-form, zod) and account pages load on demand.
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'products/:sku', element: <ProductPage /> },
          { path: 'cart', element: <CartPage /> },
          {
            path: 'checkout',
            lazy: async () =>
              signedIn((await import('@/features/checkout/CheckoutPage')).CheckoutPage),
          },
          {
            path: 'orders',
            lazy: async () => signedIn((await import('@/features/orders/OrdersPage')).OrdersPage),
          },
          {
            path: 'orders/:orderId',
            lazy: async () => signedIn((await import('@/features/orders/OrderPage')).OrderPage),
          },
          {
            path: 'notifications',
            lazy: async () =>
              signedIn(
                (await import('@/features/notifications/NotificationsPage')).NotificationsPage,
              ),
          },
          {
            path: 'sign-in',
            lazy: async () => ({
              Component: (await import('@/features/auth/SignInPage')).SignInPage,
            }),
          },
          {
            path: 'sign-up',
            lazy: async () => ({
              Component: (await import('@/features/auth/SignUpPage')).SignUpPage,
            }),
          },
          {
            path: 'confirm',
            lazy: async () => ({
              Component: (await import('@/features/auth/ConfirmPage')).ConfirmPage,
            }),
          },
          {
            path: 'auth/callback',
            lazy: async () => ({
              Component: (await import('@/features/auth/AuthCallbackPage')).AuthCallbackPage,
            }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
